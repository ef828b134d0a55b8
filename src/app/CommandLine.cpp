#include "app/CommandLine.h"

#include "core/Errors.h"

#include "core/dots/SessionPlan.h"
#include "core/plan/TreatmentPlan.h"
#include "core/preview/Healing.h"

#include <charconv>
#include <cmath>
#include <sstream>

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

double parseNumber(const std::string& flag, const std::string& text, double low, double high) {
    double value = 0.0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw UsageError(flag + ": '" + text + "' is not a number");
    if (value < low || value > high) {
        std::ostringstream message;
        message << flag << ": " << text << " is out of range (" << low << " to " << high << ")";
        throw UsageError(message.str());
    }
    return value;
}

// "x,y,w,h" in photo pixels.
core::RectPx parseRect(const std::string& flag, const std::string& text) {
    int values[4] = {};
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t comma = text.find(',', start);
        if ((i < 3) == (comma == std::string::npos))
            throw UsageError(flag + ": '" + text + "' must be four whole numbers x,y,w,h in photo pixels");
        const std::string part = text.substr(start, i < 3 ? comma - start : std::string::npos);
        values[i] = parseWholeNumber(flag, part, i < 2 ? 0 : 1, 1 << 20);
        start = comma + 1;
    }
    return {values[0], values[1], values[2], values[3]};
}

// "settled" or a day after the last session, 0 to 365.
void parseDay(const std::string& flag, const std::string& text, RenderRequest& request) {
    if (text == "settled") {
        request.settled = true;
        request.day.reset();
        return;
    }
    request.day = parseWholeNumber(flag, text, 0, preview::kMaxTimelineDay);
    request.settled = false;
}

core::CompareMode parseView(const std::string& flag, const std::string& text) {
    if (const auto mode = core::parseCompareMode(text)) return *mode;
    throw UsageError(flag + ": '" + text + "' is not a view; say after, before, split or side-by-side");
}

design::HairlineStyle parseStyle(const std::string& flag, const std::string& text) {
    if (const auto style = design::styleFromName(text)) return *style;
    throw UsageError(flag + ": '" + text + "' is not a style; say rounded, boxed, peaked, receded or natural");
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
        else if (arg == "--session") request.sessions = parseWholeNumber(arg, cursor.valueOf(arg), 0, dots::kMaxSessions);
        else if (arg == "--day") parseDay(arg, cursor.valueOf(arg), request);
        else if (arg == "--view") request.compare.mode = parseView(arg, cursor.valueOf(arg));
        else if (arg == "--divider") request.compare.divider = parseNumber(arg, cursor.valueOf(arg), 0.0, 1.0);
        else if (arg == "--style") request.style = parseStyle(arg, cursor.valueOf(arg));
        else if (arg == "--region") request.region = parseRect(arg, cursor.valueOf(arg));
        else if (arg == "--transition")
            request.transitionMm = parseNumber(arg, cursor.valueOf(arg), 0.0, design::kMaxTransitionMm);
        else if (arg.rfind("--", 0) == 0) throw UsageError("render: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("render: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("render: missing INPUT (a photo or a .smp.json project)");
    if (request.output.empty()) throw UsageError("render: missing --out FILE");
    return invocation;
}

Invocation parseAnalyze(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.mode = Invocation::Mode::Analyze;
    AnalyzeRequest& request = invocation.analyze;
    ArgCursor cursor(args, 1);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--json") request.json = true;
        else if (arg == "--reference") request.reference = parseRect(arg, cursor.valueOf(arg));
        else if (arg == "--pupil-distance") request.pupilDistanceMm = parseNumber(arg, cursor.valueOf(arg), 40.0, 90.0);
        else if (arg.rfind("--", 0) == 0) throw UsageError("analyze: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("analyze: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("analyze: missing INPUT (a photo or a .smp.json project)");
    return invocation;
}

Invocation parseDots(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.mode = Invocation::Mode::Dots;
    DotsRequest& request = invocation.dots;
    bool csv = false;
    ArgCursor cursor(args, 1);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--csv") csv = true;
        else if (arg == "--session") request.session = parseWholeNumber(arg, cursor.valueOf(arg), 1, dots::kMaxSessions);
        else if (arg.rfind("--", 0) == 0) throw UsageError("dots: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("dots: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("dots: missing INPUT (a photo or a .smp.json project)");
    // CSV is the only format today; asking for it keeps room for others without changing scripts.
    if (!csv) throw UsageError("dots: say --csv (the output format)");
    return invocation;
}

plan::CalendarDate parseDate(const std::string& flag, const std::string& text) {
    try {
        return plan::CalendarDate::parse(text);
    } catch (const UsageError& error) {
        throw UsageError(flag + ": " + error.what());
    }
}

Invocation parsePlan(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.mode = Invocation::Mode::Plan;
    PlanRequest& request = invocation.plan;
    ArgCursor cursor(args, 1);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--json") request.json = true;
        else if (arg == "--start") request.start = parseDate(arg, cursor.valueOf(arg));
        else if (arg == "--spacing")
            request.daysBetweenSessions = parseWholeNumber(arg, cursor.valueOf(arg), plan::kMinDaysBetweenSessions,
                                                           plan::kMaxDaysBetweenSessions);
        else if (arg.rfind("--", 0) == 0) throw UsageError("plan: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("plan: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("plan: missing INPUT (a photo or a .smp.json project)");
    return invocation;
}

outputs::ExportKind parseKind(const std::string& flag, const std::string& text) {
    if (const auto kind = outputs::parseExportKind(text)) return *kind;
    throw UsageError(flag + ": '" + text + "' is not an export; say " + std::string(outputs::exportKindChoices()));
}

Invocation parseExport(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.mode = Invocation::Mode::Export;
    ExportRequest& request = invocation.exportRequest;
    outputs::ExportSettings& settings = request.settings;
    bool kindGiven = false;
    ArgCursor cursor(args, 1);
    while (!cursor.done()) {
        const std::string arg = cursor.take();
        if (arg == "--kind") {
            settings.kind = parseKind(arg, cursor.valueOf(arg));
            kindGiven = true;
        } else if (arg == "--out") settings.output = cursor.valueOf(arg);
        // Zero and negative widths get their own message rather than "out of range".
        else if (arg == "--width") settings.widthPx = parseWholeNumber(arg, cursor.valueOf(arg), -(1 << 30), kMaxWidthPx);
        else if (arg == "--quality") settings.jpegQuality = parseWholeNumber(arg, cursor.valueOf(arg), 1, 100);
        else if (arg == "--client") settings.clientName = cursor.valueOf(arg);
        else if (arg == "--date") settings.date = parseDate(arg, cursor.valueOf(arg));
        else if (arg == "--start") settings.start = parseDate(arg, cursor.valueOf(arg));
        else if (arg == "--spacing")
            settings.daysBetweenSessions = parseWholeNumber(arg, cursor.valueOf(arg), plan::kMinDaysBetweenSessions,
                                                            plan::kMaxDaysBetweenSessions);
        else if (arg == "--session") {
            settings.after.sessionsDone = parseWholeNumber(arg, cursor.valueOf(arg), 0, dots::kMaxSessions);
        } else if (arg == "--day") {
            const std::string text = cursor.valueOf(arg);
            if (text == "settled") settings.after.day.reset();
            else settings.after.day = double(parseWholeNumber(arg, text, 0, preview::kMaxTimelineDay));
        } else if (arg == "--divider") settings.divider = parseNumber(arg, cursor.valueOf(arg), 0.0, 1.0);
        else if (arg == "--region") settings.region = parseRect(arg, cursor.valueOf(arg));
        else if (arg == "--day1") settings.dayOne = true;
        else if (arg == "--whole-photo") settings.wholePhoto = true;
        else if (arg == "--fps") settings.framesPerSecond = parseWholeNumber(arg, cursor.valueOf(arg), 1, 60);
        else if (arg == "--png-sequence") settings.pngSequence = true;
        else if (arg == "--dpi") settings.dpi = parseWholeNumber(arg, cursor.valueOf(arg), 72, 600);
        else if (arg == "--no-scale-bar") settings.scaleBar = false;
        else if (arg.rfind("--", 0) == 0) throw UsageError("export: unknown option " + arg);
        else if (request.input.empty()) request.input = arg;
        else throw UsageError("export: unexpected argument '" + arg + "' (one INPUT only)");
    }
    if (request.input.empty()) throw UsageError("export: missing INPUT (a photo or a .smp.json project)");
    if (!kindGiven) throw UsageError("export: missing --kind (" + std::string(outputs::exportKindChoices()) + ")");
    if (settings.output.empty()) throw UsageError("export: missing --out FILE");
    settings.validate();
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
        Invocation simple;
        if (first == "--help" || first == "-h" || first == "help") simple.mode = Invocation::Mode::Help;
        if (first == "--version") simple.mode = Invocation::Mode::Version;
        if (simple.mode != Invocation::Mode::Window) return simple;
        if (first == "render") return parseRender(args);
        if (first == "analyze") return parseAnalyze(args);
        if (first == "dots") return parseDots(args);
        if (first == "plan") return parsePlan(args);
        if (first == "export") return parseExport(args);
    }
    return parseWindow(args);
}

std::string usageText() {
    return "Usage:\n"
           "  smp-studio [FILE]                 open the window on a photo or project (the demo if none)\n"
           "  smp-studio render INPUT --out FILE [--width W] [--session K] [--day D|settled]\n"
           "                    [--view after|before|split|side-by-side] [--divider F]\n"
           "                    [--style rounded|boxed|peaked|receded|natural] [--transition MM]\n"
           "                    [--region x,y,w,h]\n"
           "                                    render INPUT (photo or .smp.json) offscreen, no display\n"
           "                                    needed; PNG or JPEG by the extension of FILE; the skin\n"
           "                                    after K sessions, D days after the last (0-365) or\n"
           "                                    settled (the project's timeline if absent; all sessions\n"
           "                                    settled for a photo); --view compares with the photo:\n"
           "                                    split at F of the width (0.5), side-by-side doubles it;\n"
           "                                    --style/--transition replace the hairline with a style's;\n"
           "                                    --region renders a close-up of that part (photo pixels)\n"
           "  smp-studio analyze INPUT [--json] [--reference x,y,w,h] [--pupil-distance MM]\n"
           "                                    what the photo analysis finds: face, eyes, scale,\n"
           "                                    hairline, skin tone (ITA), and the stubble density of a\n"
           "                                    reference rectangle of shaved hair (photo pixels)\n"
           "  smp-studio dots INPUT [--session K] --csv\n"
           "                                    every dot (x_mm,y_mm,diameter_mm,shade,session,shed),\n"
           "                                    or only those session K places; a bare photo gets the\n"
           "                                    automatic hairline\n"
           "  smp-studio plan INPUT [--json] [--start YYYY-MM-DD] [--spacing DAYS]\n"
           "                                    the treatment plan: each session's date, dots, treated\n"
           "                                    area, estimated time, dilution and needle, scar notes\n"
           "                                    and the aftercare schedule; Markdown, or JSON with\n"
           "                                    --json; sessions DAYS apart (7-30, default 14) from\n"
           "                                    --start (today if absent)\n"
           "  smp-studio export INPUT --kind before-after|split|sessions|timelapse|plan-sheet --out FILE\n"
           "                    [--width W] [--quality Q] [--client NAME] [--date YYYY-MM-DD]\n"
           "                    [--start YYYY-MM-DD] [--spacing DAYS] [--session K] [--day D|settled]\n"
           "                    [--divider F] [--region x,y,w,h] [--day1] [--fps N] [--png-sequence]\n"
           "                    [--dpi N] [--no-scale-bar] [--whole-photo]\n"
           "                                    what the client takes home, drawn offscreen by the\n"
           "                                    window's renderer (no display needed), labelled with\n"
           "                                    the session and day, the dates, --client's name and a\n"
           "                                    scale bar in mm:\n"
           "                                    before-after  photo and preview side by side, each at\n"
           "                                                  the photo's resolution (--width: both)\n"
           "                                    split         before left of F of the width (0.5)\n"
           "                                    sessions      a sheet: the photo and each session\n"
           "                                                  settled; --day1 adds each session's\n"
           "                                                  day 1 above it (2400 px wide)\n"
           "                                    timelapse     an MP4 (H.264, else MPEG-4) of the\n"
           "                                                  sessions and healing days at --fps N\n"
           "                                                  (12), at most 1280 px wide; with no\n"
           "                                                  encoder, or --png-sequence, PNG frames\n"
           "                                                  in FILE's name + \"-frames\" (said on\n"
           "                                                  stderr); SMP_STUDIO_VIDEO_CODECS=mp4v\n"
           "                                                  picks the codec, set empty: none\n"
           "                                    plan-sheet    the treatment plan with the before and\n"
           "                                                  after on an A4 page at --dpi N (150)\n"
           "                                    PNG or JPEG by FILE's extension (--quality 1-100, 92);\n"
           "                                    --session/--day: what the after side shows (every\n"
           "                                    session, settled); --date: the consultation's day\n"
           "                                    (today); --start: session 1's day, for the dates of\n"
           "                                    later sessions, DAYS apart (14); --region frames that\n"
           "                                    part of the photo (photo pixels); sessions and\n"
           "                                    timelapse frame on the treated scalp unless\n"
           "                                    --whole-photo\n"
           "  smp-studio --help | --version\n"
           "\n"
           "Window options:\n"
           "  --screenshot FILE  save the window to FILE after --frames N frames (default 10), then quit\n"
           "  --frames N         draw N frames, then quit\n"
           "\n"
           "Exit codes: 0 success, 2 usage error, 3 input error (unreadable or unwritable file),\n"
           "130 export cancelled (Ctrl+C), 1 anything else (e.g. no OpenGL).\n";
}

}  // namespace smp::app
