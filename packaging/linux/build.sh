#!/usr/bin/env bash
# Builds the standalone Linux program and its tarball (what `make package` runs).
#   build.sh [PYTHON]   PYTHON: the venv's interpreter with PyInstaller (default .venv/bin/python)
# Output: dist/opportunity-planner/ (one folder, binary opportunity-planner inside) and
#         dist/opportunity-planner-VERSION-linux-ARCH.tar.gz (the folder, desktop files, icons,
#         install.sh), staged in build/stage/.
set -euo pipefail
cd "$(dirname "$0")/../.."
py="${1:-.venv/bin/python}"
linux=packaging/linux
app_id=io.opportunityplanner.OpportunityPlanner

started=$(date +%s)
version=$("$py" -c 'import planner; print(planner.__version__)')
arch=$(uname -m)
name="opportunity-planner-$version"
tarball="dist/$name-linux-$arch.tar.gz"

echo "== validating the desktop integration files"
desktop-file-validate "$linux/$app_id.desktop"
appstreamcli validate --no-net "$linux/$app_id.metainfo.xml"
"$py" packaging/render_icons.py --check

echo "== PyInstaller (one folder)"
"$py" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$linux/opportunity-planner.spec"

echo "== staging and packing $tarball"
stage="build/stage/$name"
rm -rf build/stage
bash "$linux/stage.sh" dist/opportunity-planner "$stage"
# Sorted names and one owner: the same build gives the same archive listing.
tar --sort=name --owner=0 --group=0 --numeric-owner -C build/stage -czf "$tarball" "$name"

took=$(($(date +%s) - started))
echo "== built in ${took}s"
echo "folder:  dist/opportunity-planner  $(du -sh dist/opportunity-planner | cut -f1)"
echo "tarball: $tarball  $(du -h "$tarball" | cut -f1)"
