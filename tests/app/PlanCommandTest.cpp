// `smp-studio plan`: the real binary's plan against the documented schema and the dots command.
#include "core/Project.h"
#include "core/ProjectDots.h"
#include "core/plan/CalendarDate.h"

#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const std::string kDemo = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";
const std::string kScarDemo = SMP_SOURCE_DIR "/assets/demo/demo_scar.smp.json";

test::ProcessResult runPlan(const std::string& input, const std::string& flags) {
    return test::runCommand(test::studio() + " plan " + test::quoted(input) + " " + flags);
}

// The scar demo's project with a scar zone painted where its dots are: a disc of 8 mm radius
// round the middle dot of session 1. (The shipped demo_scar.smp.json has no scar zone saved.)
std::string projectWithScar() {
    core::Project project = core::loadProject(kScarDemo);
    REQUIRE(project.design.has_value());
    design::PhotoMask& scar = project.design->zones.scar;
    const core::SizePx photo = project.design->zones.head.size();
    REQUIRE_FALSE(photo.empty());
    const dots::DotLayout layout = core::projectDots(project, photo);
    REQUIRE(layout.sessionStart.size() > 2);
    const dots::Dot& middle = layout.dots[layout.sessionStart[1] / 2];
    scar = design::PhotoMask(photo);
    scar.paintDisc(middle.positionMm * project.scale.pxPerMm, 8.0 * project.scale.pxPerMm);
    const auto file = test::freshFolder("cli_plan_scar") / "scar.smp.json";
    core::saveProject(project, file);
    return file.string();
}

// One field of the schema comment in core/plan/PlanReport.h; children describe an object's
// fields, or the fields of each object in an array.
struct SchemaField {
    std::string name;
    std::string type;  // string, integer, number, object or array
    bool nullable = false;
    std::vector<SchemaField> children;
};

// Reads the schema from the header's comment itself, so the documentation and this test can
// never drift apart: a field added to the JSON but not documented fails, and the reverse.
std::vector<SchemaField> documentedSchema() {
    std::ifstream header(SMP_SOURCE_DIR "/src/core/plan/PlanReport.h");
    REQUIRE(header);
    std::vector<SchemaField> root;
    std::vector<std::vector<SchemaField>*> levels{&root};
    bool inSchema = false;
    for (std::string line; std::getline(header, line);) {
        if (line.find("JSON schema") != std::string::npos) inSchema = true;
        if (!inSchema) continue;
        if (line.rfind("//", 0) != 0) break;
        const std::size_t indent = line.find_first_not_of(' ', 2) - 2;
        if (indent < 3) continue;  // the prose above the fields
        const std::size_t depth = (indent - 3) / 2;
        std::istringstream words(line.substr(2));
        SchemaField field;
        std::string orWord, nullWord;
        words >> field.name >> field.type >> orWord >> nullWord;
        field.nullable = orWord == "or" && nullWord.rfind("null", 0) == 0;
        REQUIRE(depth < levels.size());
        levels.resize(depth + 1);
        levels[depth]->push_back(field);
        levels.push_back(&levels[depth]->back().children);
    }
    return root;
}

bool hasType(const nlohmann::json& value, const std::string& type) {
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    FAIL("the schema names an unknown type: " << type);
    return false;
}

void requireMatches(const nlohmann::json& object, const std::vector<SchemaField>& fields, const std::string& path) {
    REQUIRE(object.is_object());
    REQUIRE(object.size() == fields.size());  // nothing undocumented
    for (const SchemaField& field : fields) {
        const std::string here = path + "." + field.name;
        INFO(here);
        REQUIRE(object.contains(field.name));
        const nlohmann::json& value = object.at(field.name);
        if (field.nullable && value.is_null()) continue;
        REQUIRE(hasType(value, field.type));
        if (field.children.empty()) continue;
        if (value.is_object())
            requireMatches(value, field.children, here);
        else
            for (const nlohmann::json& element : value)
                requireMatches(element, field.children, here + "[]");
    }
}

// Dots per session (1-based) in `smp-studio dots --csv`.
std::map<int, std::size_t> dotsPerSession(const std::string& input) {
    const auto result = test::runCommand(test::studio() + " dots " + test::quoted(input) + " --csv");
    REQUIRE(result.exitCode == 0);
    std::map<int, std::size_t> counts;
    std::istringstream rows(result.output);
    std::string row;
    std::getline(rows, row);  // the header
    while (std::getline(rows, row)) {
        double x = 0, y = 0, diameter = 0, shade = 0;
        int session = 0, shed = 0;
        REQUIRE(std::sscanf(row.c_str(), "%lf,%lf,%lf,%lf,%d,%d", &x, &y, &diameter, &shade, &session, &shed) == 6);
        ++counts[session];
    }
    return counts;
}

}  // namespace

TEST_CASE("plan prints every session of the demo with its aftercare", "[app][plan]") {
    const auto result = runPlan(kDemo, "--start 2026-12-30");
    INFO(result.output.substr(0, 600));
    REQUIRE(result.exitCode == 0);
    REQUIRE_THAT(result.output, Contains("# Treatment plan: demo.smp.json"));
    REQUIRE_THAT(result.output, Contains("3 sessions, 14 days apart, from Wed 2026-12-30"));
    for (const char* heading :
         {"## Session 1: Wed 2026-12-30", "## Session 2: Wed 2027-01-13", "## Session 3: Wed 2027-01-27"})
        REQUIRE_THAT(result.output, Contains(heading));
    REQUIRE_THAT(result.output, Contains("Days 1-4 (2026-12-31 to 2027-01-03): keep the scalp dry"));
    REQUIRE_THAT(result.output, Contains("Days 8-14 (2027-02-04 to 2027-02-10)"));  // session 3's
    REQUIRE_THAT(result.output, Contains("SPF 50+"));
    REQUIRE_THAT(result.output, Contains("## How the times are estimated"));
    REQUIRE(result.output.find("## Scar tissue") == std::string::npos);
}

TEST_CASE("plan --json follows the schema documented in PlanReport.h", "[app][plan]") {
    const std::vector<SchemaField> schema = documentedSchema();
    // The reader really found the nested fields: 9 at the top, 11 per session, 5 per aftercare item.
    REQUIRE(schema.size() == 9);
    const auto sessionsField =
        std::find_if(schema.begin(), schema.end(), [](const SchemaField& f) { return f.name == "sessions"; });
    REQUIRE(sessionsField != schema.end());
    REQUIRE(sessionsField->children.size() == 11);
    REQUIRE(sessionsField->children.back().name == "aftercare");
    REQUIRE(sessionsField->children.back().children.size() == 5);
    const std::string scarProject = projectWithScar();
    for (const std::string& input : {kDemo, scarProject}) {
        INFO(input);
        const auto result = runPlan(input, "--json --start 2026-12-30 --spacing 14");
        REQUIRE(result.exitCode == 0);
        const nlohmann::json json = nlohmann::json::parse(result.output);
        requireMatches(json, schema, "");
        REQUIRE(json["format"] == "smp-studio-plan");
        REQUIRE(json["version"] == 1);
        REQUIRE(json["startDate"] == "2026-12-30");
        REQUIRE(json["daysBetweenSessions"] == 14);
        const nlohmann::json& sessions = json["sessions"];
        const std::vector<std::string> dates =
            input == kDemo ? std::vector<std::string>{"2026-12-30", "2027-01-13", "2027-01-27"}
                           : std::vector<std::string>{"2026-12-30", "2027-01-13", "2027-01-27", "2027-02-10"};
        REQUIRE(sessions.size() == dates.size());
        int minutes = 0;
        for (std::size_t k = 0; k < sessions.size(); ++k) {
            REQUIRE(sessions[k]["number"] == static_cast<int>(k) + 1);
            REQUIRE(sessions[k]["date"] == dates[k]);
            REQUIRE(sessions[k]["aftercare"].size() == 5);
            REQUIRE(sessions[k]["minutes"].get<int>() <= sessions[0]["minutes"].get<int>());
            minutes += sessions[k]["minutes"].get<int>();
        }
        REQUIRE(json["totals"]["minutes"] == minutes);
        REQUIRE(json["totals"]["lastSessionDate"] == dates.back());
        REQUIRE(json["scar"].is_null() == (input == kDemo));
        if (input == scarProject) {
            // The disc is 2.0 cm2; the part of it on treated skin is what counts.
            REQUIRE(json["scar"]["areaCm2"].get<double>() > 0.5);
            REQUIRE(json["scar"]["areaCm2"].get<double>() < 2.2);
            REQUIRE(json["scar"]["dotsOnScar"].get<int>() > 0);
            REQUIRE_THAT(json["scar"]["advice"].get<std::string>(), Contains("Expect extra sessions"));
        }
    }
}

TEST_CASE("plan's session dot counts are the dots command's", "[app][plan]") {
    const auto result = runPlan(kDemo, "--json --start 2027-03-01 --spacing 21");
    REQUIRE(result.exitCode == 0);
    const nlohmann::json json = nlohmann::json::parse(result.output);
    const std::map<int, std::size_t> counts = dotsPerSession(kDemo);
    REQUIRE(counts.size() == json["sessions"].size());
    std::size_t total = 0;
    for (const nlohmann::json& session : json["sessions"]) {
        REQUIRE(session["dots"].get<std::size_t>() == counts.at(session["number"].get<int>()));
        REQUIRE(session["keptDots"].get<std::size_t>() <= session["dots"].get<std::size_t>());
        total += session["dots"].get<std::size_t>();
    }
    REQUIRE(json["totals"]["dots"].get<std::size_t>() == total);
    REQUIRE(json["sessions"][1]["date"] == "2027-03-22");
}

TEST_CASE("plan without --start begins today", "[app][plan]") {
    const std::string before = plan::CalendarDate::today().text();
    const auto result = runPlan(kDemo, "--json");
    const std::string after = plan::CalendarDate::today().text();
    REQUIRE(result.exitCode == 0);
    const std::string start = nlohmann::json::parse(result.output)["startDate"];
    REQUIRE((start == before || start == after));
}

TEST_CASE("plan refuses bad requests with the flag and the value", "[app][plan]") {
    auto result = runPlan(kDemo, "--start 2026-02-30");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--start: '2026-02-30' is not a date: February 2026 has 28 days"));
    result = runPlan(kDemo, "--start 30/12/2026");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--start: '30/12/2026' is not a date: say YYYY-MM-DD"));
    result = runPlan(kDemo, "--start");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--start needs a value"));
    result = runPlan(kDemo, "--spacing 40");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--spacing: 40 is out of range (7 to 30)"));
    result = runPlan(kDemo, "--spacing two");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--spacing: 'two' is not a whole number"));
    result = runPlan(kDemo, "--markdown");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("plan: unknown option --markdown"));
    result = test::runCommand(test::studio() + " plan");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("plan: missing INPUT"));
    result = runPlan("/no/such/client.smp.json", "");
    REQUIRE(result.exitCode == 3);
    REQUIRE_THAT(result.output, Contains("/no/such/client.smp.json"));
}
