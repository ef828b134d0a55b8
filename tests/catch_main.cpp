// The Catch2 main for the test executables that need no GL context.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
