#!/usr/bin/env bash
# Builds the Debian packages from a finished build, then checks them as a shop's computer would
# see them: the files each installs, the menu entry and AppStream metadata validators, the declared
# dependencies, and the programs run from the unpacked packages.
#   check-package.sh BUILD_DIR EXPECTED_DIR VERSION
set -euo pipefail
build_dir=$1
expected_dir=$2
version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
for package in konbini-pos konbini-sandbox; do
    deb="$work/out/${package}_${version}_amd64.deb"
    [ -f "$deb" ] || { fail "$package: no ${deb##*/}"; continue; }
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' | sort > "$work/$package.files"
    diff -u "$expected_dir/$package.files" "$work/$package.files" || fail "$package: installs other files than $package.files lists"
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$package: version is not $version"
    dpkg-deb -x "$deb" "$work/root"
done

depends=$(dpkg-deb -f "$work/out/konbini-pos_${version}_amd64.deb" Depends)
for needed in libqt6sql6-sqlite qt6-qpa-plugins fonts-noto-cjk libqt6widgets6 libqt6keychain1 libqrencode4; do
    grep -q "$needed" <<< "$depends" || fail "konbini-pos does not depend on $needed"
done

grep -q libsqlite3 <<< "$(dpkg-deb -f "$work/out/konbini-sandbox_${version}_amd64.deb" Depends)" \
    || fail "konbini-sandbox does not depend on libsqlite3"

desktop-file-validate "$work/root/usr/share/applications/io.github.konbinipos.KonbiniPOS.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --explain "$work/root/usr/share/metainfo/io.github.konbinipos.KonbiniPOS.metainfo.xml" \
    || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$work/root/usr/share/metainfo/io.github.konbinipos.KonbiniPOS.metainfo.xml" \
    || fail "the metainfo's release is not $version"

shown=$("$work/root/usr/bin/konbini-pos" --version) || fail "konbini-pos --version exited $?"
[ "$shown" = "konbini-pos $version" ] || fail "konbini-pos --version printed '$shown'"
"$work/root/usr/bin/konbini-sandbox" --help | grep -q -- '--state' || fail "konbini-sandbox --help"

if [ "$failures" -eq 0 ]; then
    echo "packages konbini-pos and konbini-sandbox $version: files, validators, dependencies and programs all as expected"
fi
exit "$failures"
