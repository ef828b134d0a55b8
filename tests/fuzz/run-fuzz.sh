#!/usr/bin/env bash
# Builds the project-loader fuzz target with clang (libFuzzer + ASan + UBSan, core layer only)
# into build/fuzz and fuzzes for SECONDS (default 60). Exits non-zero on a finding and prints
# the path of the input that reproduces it.
#
#   tests/fuzz/run-fuzz.sh [SECONDS]
#   SMP_FUZZ_JOBS=1 tests/fuzz/run-fuzz.sh 600     # build with one job
#
# New inputs the fuzzer finds go to build/fuzz/corpus (kept between local runs); the seeds in
# tests/fuzz/corpus and tests/fuzz/regressions are only read. Findings go to build/fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: tests/fuzz/run-fuzz.sh [SECONDS]" >&2
  exit 2
fi

build=build/fuzz
echo "== fuzz: configure and build the core layer with clang into $build"
CC=clang CXX=clang++ cmake -S tests/fuzz -B "$build" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=Fuzz >/dev/null
cmake --build "$build" --target smp_project_fuzz -j "${SMP_FUZZ_JOBS:-2}"

findings="$build/findings"
corpus="$build/corpus"
mkdir -p "$findings" "$corpus"

# Symbolized stacks in reports; without llvm-symbolizer the sanitizers fall back to addr2line.
symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
if [ -n "$symbolizer" ]; then
  export ASAN_SYMBOLIZER_PATH="$symbolizer"
fi
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

echo "== fuzz: parseProject and its save round trip for ${seconds} s"
log="$build/fuzz.log"
# The first corpus folder is the only one libFuzzer writes to; the others are seeds it reads.
set +e
"$build/smp_project_fuzz" "$corpus" tests/fuzz/corpus tests/fuzz/regressions \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/project.dict -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [ "$status" -ne 0 ]; then
  echo "== fuzz: FINDING (the fuzzer exited with $status)" >&2
  reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  if [ -n "$reproducer" ]; then
    echo "reproducer: $reproducer" >&2
    echo "replay it:  $build/smp_project_fuzz $reproducer" >&2
    echo "then keep it as a regression: cp $reproducer tests/fuzz/regressions/" >&2
  else
    echo "no reproducer was written; the log is $log" >&2
  fi
  exit 1
fi
echo "== fuzz: no finding; $(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)"
