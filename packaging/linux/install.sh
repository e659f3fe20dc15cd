#!/usr/bin/env bash
# Installs Opportunity Planner for the current user, from an unpacked release tarball (this
# script sits at its top) or from build/stage/ after `make package`. No root needed.
#   install.sh              copy the program and register it with the desktop
#   install.sh --uninstall  remove what install.sh put in place (your plans are not touched)
# Where things go (XDG_DATA_HOME defaults to ~/.local/share):
#   ~/.local/opt/opportunity-planner/        the program folder
#   ~/.local/bin/opportunity-planner          a link to it, for the terminal
#   $XDG_DATA_HOME/applications/             the .desktop launcher (Exec rewritten to the folder)
#   $XDG_DATA_HOME/icons/hicolor/            the icon, PNG sizes and scalable SVG
#   $XDG_DATA_HOME/mime/packages/            the .plan file type
#   $XDG_DATA_HOME/metainfo/                 the AppStream description
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id=io.opportunityplanner.OpportunityPlanner
opt="$HOME/.local/opt/opportunity-planner"
bin="$HOME/.local/bin/opportunity-planner"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
desktop="$data/applications/$app_id.desktop"
metainfo="$data/metainfo/$app_id.metainfo.xml"
mime="$data/mime/packages/opportunity-planner.xml"
sizes=(16 24 32 48 64 128 256 512)

refresh_caches() {
  # Each is optional: without them the desktop finds the files on its next scan.
  if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime" || true; fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -f -t "$data/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt"
  if [ -L "$bin" ]; then rm -f "$bin"; fi
  rm -f "$desktop" "$metainfo" "$mime" "$data/icons/hicolor/scalable/apps/opportunity-planner.svg"
  for size in "${sizes[@]}"; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/opportunity-planner.png"
  done
  refresh_caches
  echo "Removed Opportunity Planner. Your plans are still in $data/opportunity-planner."
  exit 0
fi
if [ $# -gt 0 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
if [ ! -x "$here/opportunity-planner/opportunity-planner" ]; then
  echo "install.sh: no program at $here/opportunity-planner/ (run it from an unpacked release)" >&2
  exit 1
fi
case "$opt" in
  *[\"\`\$\\]*)
    echo "install.sh: cannot write a launcher for a home folder containing \" \` \$ or \\" >&2
    exit 1
    ;;
esac

# Copy beside the old folder, then swap: a failed copy leaves the installed version working.
mkdir -p "$(dirname "$opt")"
rm -rf "$opt.new"
cp -a "$here/opportunity-planner" "$opt.new"
rm -rf "$opt"
mv "$opt.new" "$opt"
mkdir -p "$(dirname "$bin")"
ln -sfn "$opt/opportunity-planner" "$bin"

# The launcher names the program by its absolute path: ~/.local/bin is not on every session's PATH.
exe="$opt/opportunity-planner"
case "$exe" in *" "*) exe="\"$exe\"" ;; esac
mkdir -p "$(dirname "$desktop")" "$(dirname "$metainfo")" "$(dirname "$mime")"
sed -e "s|^Exec=opportunity-planner |Exec=$exe |" -e "s|^TryExec=opportunity-planner$|TryExec=$opt/opportunity-planner|" \
  "$here/share/applications/$app_id.desktop" >"$desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$metainfo"
cp "$here/share/mime/packages/opportunity-planner.xml" "$mime"
for size in "${sizes[@]}"; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$here/share/icons/hicolor/${size}x${size}/apps/opportunity-planner.png" \
    "$data/icons/hicolor/${size}x${size}/apps/"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$here/share/icons/hicolor/scalable/apps/opportunity-planner.svg" "$data/icons/hicolor/scalable/apps/"
refresh_caches
echo "Installed Opportunity Planner in $opt"
echo "It is in your applications menu; from a terminal: $bin (or opportunity-planner if ~/.local/bin is on PATH)."
