#!/usr/bin/env bash
# Renders the README's preview gallery from the bundled demo projects with the command line, the
# same renderer as the window. One command:
#   assets/readme/gallery/make-gallery.sh [path/to/smp-studio]
# (default: build/release/smp-studio, built first if missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
studio="${1:-$root/build/release/smp-studio}"
if [[ ! -x "$studio" ]]; then
  cmake --preset release -S "$root" >/dev/null
  cmake --build "$root/build/release" --target smp-studio -j"$(nproc)"
fi
out="$root/assets/readme/gallery"
demo="$root/assets/demo/demo.smp.json"
brown="$root/assets/demo/demo_brown.smp.json"
scar="$root/assets/demo/demo_scar.smp.json"
# Close-ups at twice the photo's resolution (6.1 px/mm: 12 px per mm on screen): the front of
# the hairline, the left temple corner, the scar across the upper scalp.
front=640,70,320,180
corner=400,100,260,146
scarArea=600,60,440,220

render() {  # name input args...
  local name="$1" input="$2"
  shift 2
  "$studio" render "$input" --out "$out/$name.jpg" "$@"
  echo "  $name.jpg"
}

echo "rendering into $out"
for k in 1 2 3; do
  render "front_session${k}_settled" "$demo" --session "$k" --day settled --region "$front" --width 640
done
render front_session1_day1 "$demo" --session 1 --day 1 --region "$front" --width 640
render front_session3_day1 "$demo" --session 3 --day 1 --region "$front" --width 640
render corner_sharp "$demo" --session 3 --day settled --transition 0 --region "$corner" --width 520
render corner_faded "$demo" --session 3 --day settled --transition 8 --region "$corner" --width 520
render skin_light "$demo" --session 3 --day settled --region "$front" --width 640
render skin_brown "$brown" --session 3 --day settled --region "$front" --width 640
render scar_before "$scar" --view before --region "$scarArea" --width 660
render scar_after "$scar" --session 4 --day settled --region "$scarArea" --width 660
render head_side_by_side "$demo" --session 3 --day settled --view side-by-side --width 1200
