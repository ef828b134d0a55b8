// smp-studio: the window, or a headless command when the first argument names one. The command
// line branches off before any window exists.

#include "app/AnalyzeCommand.h"
#include "app/CommandLine.h"
#include "app/DotsCommand.h"
#include "app/ExportCommand.h"
#include "app/PlanCommand.h"
#include "app/RenderCommand.h"
#include "app/WindowApp.h"
#include "core/Errors.h"
#include "core/Version.h"
#include "outputs/ExportControl.h"

#include <exception>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitInput = 3;
constexpr int kExitOther = 1;
constexpr int kExitInterrupted = 130;  // the shell's code for a command stopped by Ctrl+C

}  // namespace

int main(int argc, char** argv) {
    using smp::app::Invocation;
    try {
        const Invocation invocation = smp::app::parseCommandLine({argv + 1, argv + argc});
        switch (invocation.mode) {
        case Invocation::Mode::Help: std::cout << smp::app::usageText(); return 0;
        case Invocation::Mode::Version: std::cout << "smp-studio " << smp::core::versionString() << "\n"; return 0;
        case Invocation::Mode::Render: smp::app::runRenderCommand(invocation.render); return 0;
        case Invocation::Mode::Analyze: smp::app::runAnalyzeCommand(invocation.analyze, std::cout); return 0;
        case Invocation::Mode::Dots: smp::app::runDotsCommand(invocation.dots, std::cout); return 0;
        case Invocation::Mode::Plan: smp::app::runPlanCommand(invocation.plan, std::cout); return 0;
        case Invocation::Mode::Export:
            smp::app::runExportCommand(invocation.exportRequest, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
            return 0;
        case Invocation::Mode::Window: return smp::app::runWindow(invocation.window);
        }
    } catch (const smp::outputs::ExportCancelled&) {
        std::cerr << "smp-studio: export cancelled; nothing was written\n";
        return kExitInterrupted;
    } catch (const smp::core::UsageError& error) {
        std::cerr << "smp-studio: " << error.what() << " (see smp-studio --help)\n";
        return kExitUsage;
    } catch (const smp::core::InputError& error) {
        std::cerr << "smp-studio: " << error.what() << "\n";
        return kExitInput;
    } catch (const std::filesystem::filesystem_error& error) {
        std::cerr << "smp-studio: " << error.path1().string() << ": " << error.code().message() << "\n";
        return kExitInput;
    } catch (const std::exception& error) {
        std::cerr << "smp-studio: " << error.what() << "\n";
        return kExitOther;
    }
    return kExitOther;
}
