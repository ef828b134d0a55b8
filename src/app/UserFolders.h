#pragma once
// Where SMP Studio keeps things of the user's, following the XDG base directory spec.

#include <filesystem>

namespace smp::app {

// $XDG_CONFIG_HOME/smp-studio, or ~/.config/smp-studio. Created when missing; empty when it
// cannot be (settings are then simply not remembered).
std::filesystem::path configFolder();

// $XDG_STATE_HOME/smp-studio, or ~/.local/state/smp-studio: what the app keeps between runs that
// is not a setting (recovery files of unsaved projects, in recovery/). Created when missing;
// empty when it cannot be (autosave is then off).
std::filesystem::path stateFolder();

// The bundled assets/ folder: $SMP_STUDIO_ASSETS, beside an installed binary
// (../share/smp-studio/assets), or the source tree the binary was built from.
std::filesystem::path assetsFolder();

}  // namespace smp::app
