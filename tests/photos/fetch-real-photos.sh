#!/bin/sh
# fetch-real-photos.sh DEST: puts real photos for the vision tests into DEST.
#
# The photos come from Debian's python3-skimage package (public-domain sample images), downloaded
# and unpacked at test time so that no photo is ever committed:
#   astronaut.png  a frontal portrait: the face and both eyes are found
#   coffee.png, chelsea.png (a cat), rocket.jpg, motorcycle_left.png  no human face
# Idempotent: nothing is downloaded when every photo is already in DEST. Each photo is copied under
# a temporary name and renamed, so an interrupted run never leaves half a photo behind.
set -eu

usage() { echo "usage: $0 DEST" >&2; exit 2; }
[ $# -eq 1 ] || usage
mkdir -p "$1"
dest=$(cd "$1" && pwd)  # absolute: the download below runs in a temporary folder
photos="astronaut.png coffee.png chelsea.png rocket.jpg motorcycle_left.png"
package=python3-skimage
inside=usr/lib/python3/dist-packages/skimage/data

missing=""
for photo in $photos; do
    [ -s "$dest/$photo" ] || missing="$missing $photo"
done
if [ -z "$missing" ]; then
    echo "real photos already in $dest"
    exit 0
fi
mkdir -p "$dest"

copy_from() {  # copy_from FOLDER: the missing photos from an unpacked or installed package
    for photo in $missing; do
        if [ ! -s "$1/$photo" ]; then
            echo "$0: $photo is not in $1 (has $package changed its sample data?)" >&2
            exit 1
        fi
        cp "$1/$photo" "$dest/.$photo.part"
        mv "$dest/.$photo.part" "$dest/$photo"
    done
    echo "real photos copied into $dest from $1"
}

# Already installed on this machine: nothing to download.
if [ -d "/$inside" ]; then
    copy_from "/$inside"
    exit 0
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt's download sandbox user must be able to write here, or apt warns about every file.
chmod 755 "$work"
cd "$work"
if ! apt-get download -q "$package" >/dev/null 2>&1; then
    # A fresh machine may have no package lists yet; fetch them once and try again.
    as_root apt-get update -q >/dev/null 2>&1 || true
    if ! apt-get download -q "$package"; then
        echo "$0: could not download $package with apt-get; the vision tests need its photos" >&2
        exit 1
    fi
fi
dpkg-deb -x "$package"_*.deb unpacked
copy_from "$work/unpacked/$inside"
