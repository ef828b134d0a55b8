// The XDG folders: settings in the config folder, recovery files in the state folder.
#include "app/UserFolders.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

using namespace smp;

namespace {

// Sets (or unsets) an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the state folder follows XDG_STATE_HOME, else ~/.local/state, and is created", "[app][folders]") {
    const auto folder = test::freshFolder("app_state_folder");
    {
        ScopedEnv state("XDG_STATE_HOME", (folder / "xdg").string());
        REQUIRE(app::stateFolder() == folder / "xdg" / "smp-studio");
        REQUIRE(std::filesystem::is_directory(folder / "xdg" / "smp-studio"));
    }
    {
        ScopedEnv home("HOME", (folder / "home").string());
        ScopedEnv relative("XDG_STATE_HOME", std::string("relative/state"));  // the spec says to ignore it
        REQUIRE(app::stateFolder() == folder / "home" / ".local" / "state" / "smp-studio");
        ScopedEnv unset("XDG_STATE_HOME", std::nullopt);
        REQUIRE(app::stateFolder() == folder / "home" / ".local" / "state" / "smp-studio");
        REQUIRE(app::configFolder() != app::stateFolder());
    }
    {
        ScopedEnv noHome("HOME", std::nullopt);
        ScopedEnv noState("XDG_STATE_HOME", std::nullopt);
        REQUIRE(app::stateFolder().empty());  // autosave is then off, nothing is written anywhere
    }
}
