#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs, only those missing.
#   system-deps.sh test   what the headless test run needs (offscreen Qt, fonts, PDF tools)
#   system-deps.sh run    the above plus what Qt's X11 (xcb) plugin needs on a desktop
#   system-deps.sh package  the test set plus what `make package` uses: PyInstaller's objdump,
#                           and the validators of the .desktop and AppStream files
#   system-deps.sh --check MODE  only prints what MODE lacks, and fails if anything is missing
set -euo pipefail
check=false
if [ "${1-}" = "--check" ]; then check=true; shift; fi
mode="${1:-test}"

# soname-or-command -> Debian package
need=(
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libxkbcommon.so.0 libxkbcommon0"
  "libfontconfig.so.1 libfontconfig1"
  "libdbus-1.so.3 libdbus-1-3"
  "libglib-2.0.so.0 libglib2.0-0"
  "font:DejaVu fonts-dejavu-core"
  # The review-pack tests read PDFs back (text, embedded fonts); make sample-pack renders pages.
  "cmd:pdftotext poppler-utils"
  "cmd:pdffonts poppler-utils"
  "cmd:pdftoppm poppler-utils"
  # The packaging tests validate the .desktop file (small; AppStream's validator stays optional).
  "cmd:desktop-file-validate desktop-file-utils"
)
if [ "$mode" = "run" ]; then
  need+=(
    "libxcb-cursor.so.0 libxcb-cursor0"
    "libxcb-icccm.so.4 libxcb-icccm4"
    "libxcb-keysyms.so.1 libxcb-keysyms1"
    "libxcb-image.so.0 libxcb-image0"
    "libxcb-render-util.so.0 libxcb-render-util0"
    "libxcb-shape.so.0 libxcb-shape0"
    "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  )
fi
if [ "$mode" = "package" ]; then
  need+=(
    "cmd:objdump binutils"
    "cmd:desktop-file-validate desktop-file-utils"
    "cmd:appstreamcli appstream"
  )
fi

# Each listing is read whole, once. `ldconfig -p | grep -q` under pipefail failed now and then:
# grep exits at its first match, ldconfig dies of SIGPIPE, and an installed library read as
# missing. ldconfig is in sbin, which a user's PATH on Debian lacks.
libraries="$(PATH="$PATH:/usr/sbin:/sbin" ldconfig -p 2>/dev/null || true)"
fonts="$(fc-list 2>/dev/null || true)"
missing=()
for entry in "${need[@]}"; do
  what="${entry%% *}"; pkg="${entry##* }"
  [[ " ${missing[*]-} " == *" $pkg "* ]] && continue  # one package can provide several entries
  case "$what" in
    font:*) font="${what#font:}"; [[ "${fonts,,}" == *"${font,,}"* ]] || missing+=("$pkg") ;;
    cmd:*) command -v "${what#cmd:}" >/dev/null 2>&1 || missing+=("$pkg") ;;
    *) [[ "$libraries" == *"$what"* ]] || missing+=("$pkg") ;;
  esac
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if $check; then
  echo "Missing: ${missing[*]}"
  exit 1
fi
echo "Installing system libraries for Qt: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
