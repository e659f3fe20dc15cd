#!/usr/bin/env bash
# Lays out a release folder: the program folder, install.sh and the desktop files under share/.
#   stage.sh APP_FOLDER STAGE   e.g. stage.sh dist/opportunity-planner build/stage/opportunity-planner-0.1.0
# build.sh packs STAGE into the tarball; install.sh, copied to STAGE's top, installs from it.
set -euo pipefail
app="${1:?usage: stage.sh APP_FOLDER STAGE}"
stage="${2:?usage: stage.sh APP_FOLDER STAGE}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
linux="$root/packaging/linux"
app_id=io.opportunityplanner.OpportunityPlanner

rm -rf "$stage"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages" \
  "$stage/share/icons/hicolor/scalable/apps"
cp -a "$app" "$stage/opportunity-planner"
cp "$linux/$app_id.desktop" "$stage/share/applications/"
cp "$linux/$app_id.metainfo.xml" "$stage/share/metainfo/"
cp "$linux/opportunity-planner-mime.xml" "$stage/share/mime/packages/opportunity-planner.xml"
cp -r "$root/resources/icons/hicolor/." "$stage/share/icons/hicolor/"
cp "$root/resources/icons/opportunity-planner.svg" "$stage/share/icons/hicolor/scalable/apps/"
cp "$linux/install.sh" "$stage/install.sh"
