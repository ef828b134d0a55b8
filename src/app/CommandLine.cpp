#include "app/CommandLine.h"

#include "core/Errors.h"

#include <charconv>

namespace smp::app {
namespace {

using core::UsageError;

constexpr int kMaxWidthPx = 16384;

int parseWholeNumber(const std::string& flag, const std::string& text, int low, int high) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw UsageError(flag + ": '" + text + "' is not a whole number");
    if (value < low || value > high)
        throw UsageError(flag + ": " + text + " is out of range (" + std::to_string(low) + " to " +
                         std::to_string(high) + ")");
    return value;
}

// Walks the arguments of one subcommand, handing out flag values.
class ArgCursor {
public:
    ArgCursor(const std::vector<std::string>& args, std::size_t start) : args_(args), next_(start) {}
    bool done() const { return next_ >= args_.size(); }
    const std::string& take() { return args_[next_++]; }
    std::string valueOf(const std::string& flag) {
        if (done() || args_[next_].rfind("--", 0) == 0) throw UsageError(flag + " needs a value");
        return take();
    }

private:
    const std::vector<std::string>& args_;
    std::size_t next_;
};

Invocation parseRender(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.mode = Invocation::Mode::Render;
    RenderRequest& request = invocation.render;
    ArgCursor cursor(args, 1);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--out") request.output = cursor.valueOf(arg);
        else if (arg == "--width") request.widthPx = parseWholeNumber(arg, cursor.valueOf(arg), 1, kMaxWidthPx);
        else if (arg.rfind("--", 0) == 0) throw UsageError("render: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("render: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("render: missing INPUT (a photo or a .smp.json project)");
    if (request.output.empty()) throw UsageError("render: missing --out FILE");
    return invocation;
}

Invocation parseWindow(const std::vector<std::string>& args) {
    Invocation invocation;
    WindowRequest& request = invocation.window;
    ArgCursor cursor(args, 0);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--screenshot") request.screenshot = cursor.valueOf(arg);
        else if (arg == "--frames") request.frames = parseWholeNumber(arg, cursor.valueOf(arg), 1, 100000);
        else if (arg.rfind("--", 0) == 0) throw UsageError("unknown option " + arg + " (see --help)");
        else if (!request.input) request.input = arg;
        else throw UsageError("unexpected argument '" + arg + "' (one file to open)");
    }
    if (request.screenshot && request.frames == 0) request.frames = 10;
    return invocation;
}

}  // namespace

Invocation parseCommandLine(const std::vector<std::string>& args) {
    if (!args.empty()) {
        const std::string& first = args.front();
        if (first == "--help" || first == "-h" || first == "help") return {Invocation::Mode::Help, {}, {}};
        if (first == "--version") return {Invocation::Mode::Version, {}, {}};
        if (first == "render") return parseRender(args);
    }
    return parseWindow(args);
}

std::string usageText() {
    return "Usage:\n"
           "  smp-studio [FILE]                 open the window on a photo or project (the demo if none)\n"
           "  smp-studio render INPUT --out FILE [--width W]\n"
           "                                    render INPUT (photo or .smp.json) offscreen, no display\n"
           "                                    needed; PNG or JPEG by the extension of FILE\n"
           "  smp-studio --help | --version\n"
           "\n"
           "Window options:\n"
           "  --screenshot FILE  save the window to FILE after --frames N frames (default 10), then quit\n"
           "  --frames N         draw N frames, then quit\n"
           "\n"
           "Exit codes: 0 success, 2 usage error, 3 input error (unreadable or unwritable file),\n"
           "1 anything else (e.g. no OpenGL).\n";
}

}  // namespace smp::app
