#include "ui/Autosave.h"

#include "core/AtomicFile.h"
#include "core/Errors.h"
#include "ui/AppState.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace smp::ui {
namespace {

using nlohmann::json;

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The folder the project's relative photo path is resolved against: the project file's, or the
// photo's own for a photo never saved as a project.
std::filesystem::path projectFolderFor(const std::filesystem::path& projectFile,
                                       const std::filesystem::path& photoPath) {
    return projectFile.empty() ? photoPath.parent_path() : projectFile.parent_path();
}

std::string readWholeFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path absolutePathField(const json& root, const char* key, const std::string& name, bool mayBeEmpty) {
    const auto it = root.find(key);
    if (it == root.end() || !it->is_string()) throw core::InputError(name + ": " + key + ": must be a string");
    const std::filesystem::path path = it->get<std::string>();
    if (path.empty() && mayBeEmpty) return path;
    if (!path.is_absolute()) throw core::InputError(name + ": " + key + ": must be an absolute path");
    return path;
}

}  // namespace

double autosaveIntervalFrom(const char* text) {
    if (!text || !*text) return kAutosaveIntervalSeconds;
    double value = 0.0;
    const char* end = text + std::strlen(text);
    const auto [stop, error] = std::from_chars(text, end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value) || value <= 0.0) return kAutosaveIntervalSeconds;
    return value;
}

std::string Recovery::displayName() const {
    if (!readable()) return file.filename().string();
    if (!projectFile.empty()) return projectFile.filename().string();
    return photoPath.filename().string() + " (never saved)";
}

std::string recoveryKey(const std::filesystem::path& projectFile, const std::filesystem::path& photoPath) {
    const bool saved = !projectFile.empty();
    const std::string path = (saved ? projectFile : photoPath).lexically_normal().string();
    char hex[17] = {};
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(path)));
    return (saved ? "project-" : "untitled-") + std::string(hex);
}

std::string serializeRecovery(const core::Project& project, const std::filesystem::path& projectFile) {
    const json header = {
        {"format", kRecoveryFormat},
        {"version", kRecoveryVersion},
        {"projectFile", projectFile.string()},
        {"photoPath", project.photoPath.string()},
    };
    // The project text goes in as it is (it is JSON): no second parse and dump of ~150 kB.
    std::string text = header.dump(2);
    text.resize(text.rfind('}'));  // "{\n  ...\n}" -> "{\n  ...\n"
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    text += ",\n  \"project\": ";
    std::string inner = core::serializeProject(project, projectFolderFor(projectFile, project.photoPath));
    while (!inner.empty() && inner.back() == '\n')
        inner.pop_back();
    text.reserve(text.size() + inner.size() * 9 / 8 + 4);
    for (char c : inner) {  // indented one level, as it would be dumped in place
        text += c;
        if (c == '\n') text += "  ";
    }
    return text + "\n}\n";
}

std::string serializeRecovery(const vision::ClientDocument& client) {
    return serializeRecovery(client.project, client.projectFile);
}

Recovery readRecovery(const std::filesystem::path& file) {
    Recovery recovery;
    recovery.file = file;
    const std::string name = file.filename().string();
    try {
        std::error_code ignored;
        if (const auto time = std::filesystem::last_write_time(file, ignored); !ignored) recovery.writtenAt = time;
        const std::string text = readWholeFile(file);
        const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (root.is_discarded()) throw core::InputError(name + ": not valid JSON");
        if (!root.is_object() || root.value("format", json()) != json(kRecoveryFormat))
            throw core::InputError(name + ": not an SMP Studio recovery file");
        const json version = root.value("version", json());
        if (!version.is_number_integer() || version.get<int>() < 1 || version.get<int>() > kRecoveryVersion)
            throw core::InputError(name + ": version: this SMP Studio reads recovery files up to version " +
                                   std::to_string(kRecoveryVersion));
        recovery.projectFile = absolutePathField(root, "projectFile", name, true);
        recovery.photoPath = absolutePathField(root, "photoPath", name, false);
        const auto project = root.find("project");
        if (project == root.end() || !project->is_object())
            throw core::InputError(name + ": project: must be an object");
        recovery.project = core::parseProject(
            project->dump(), projectFolderFor(recovery.projectFile, recovery.photoPath), name + ": project");
    } catch (const std::exception& error) {
        recovery.error = error.what();
    }
    return recovery;
}

Autosaver::Autosaver(std::filesystem::path recoveryFolder, double intervalSeconds)
    : folder_(std::move(recoveryFolder)), interval_(intervalSeconds) {
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() > kRecoveryExtension.size() && name.ends_with(kRecoveryExtension) && it->is_regular_file(error))
            pending_.insert(name);
    }
}

Autosaver::~Autosaver() {
    collectWrite(true);
}

Autosaver& Autosaver::operator=(Autosaver&& other) noexcept {
    if (this != &other) {
        collectWrite(true);
        folder_ = std::move(other.folder_);
        interval_ = other.interval_;
        pending_ = std::move(other.pending_);
        documentKey_ = std::move(other.documentKey_);
        documentFile_ = std::move(other.documentFile_);
        dirtySince_ = other.dirtySince_;
        lastWritten_ = std::move(other.lastWritten_);
        writing_ = std::move(other.writing_);
        failure_ = std::move(other.failure_);
    }
    return *this;
}

void Autosaver::tick(double nowSeconds, const Document& document) {
    if (folder_.empty()) return;
    collectWrite(false);
    if (!document.hasPhoto() || !document.unsavedChanges) {
        dirtySince_.reset();
        return;
    }
    const auto& client = document.client;
    const std::string key = recoveryKey(client.projectFile, client.project.photoPath);
    if (key != documentKey_) {  // another document: the previous one's file stays for the next start
        documentKey_ = key;
        documentFile_ = freeFileFor(key);
        lastWritten_.reset();
        dirtySince_ = nowSeconds;
    }
    if (!dirtySince_) dirtySince_ = nowSeconds;
    if (nowSeconds - *dirtySince_ < interval_) return;
    if (writing_.valid()) return;  // the last write is still going: try again next frame
    dirtySince_ = nowSeconds;
    if (lastWritten_ == client.project) return;

    lastWritten_ = client.project;  // copied here; the text is made on the worker
    writing_ = std::async(std::launch::async,
                          [folder = folder_, file = documentFile_, project = client.project,
                           projectFile = client.projectFile]() -> std::optional<std::string> {
                              try {
                                  std::filesystem::create_directories(folder);
                                  core::writeFileAtomically(file, serializeRecovery(project, projectFile));
                                  return std::nullopt;
                              } catch (const std::filesystem::filesystem_error& error) {
                                  return error.path1().string() + ": " + error.code().message();
                              } catch (const std::exception& error) {
                                  return std::string(error.what());
                              }
                          });
}

void Autosaver::collectWrite(bool wait) {
    if (!writing_.valid()) return;
    if (!wait && writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    if (auto failure = writing_.get()) {
        failure_ = std::move(failure);
        lastWritten_.reset();  // not on disk: the same project is written again next time
    }
}

void Autosaver::finishWriting() {
    collectWrite(true);
}

void Autosaver::onSaved() {
    forgetDocument(true);
}

void Autosaver::onDiscarded() {
    forgetDocument(true);
}

void Autosaver::forgetDocument(bool removeFile) {
    collectWrite(true);  // a write landing after the removal would bring the file back
    if (removeFile && !documentFile_.empty()) {
        std::error_code ignored;  // best effort: a file left behind is offered once more, no harm
        std::filesystem::remove(documentFile_, ignored);
        pending_.erase(documentFile_.filename().string());
    }
    documentKey_.clear();
    documentFile_.clear();
    lastWritten_.reset();
    dirtySince_.reset();
}

// The key's own file name, unless a pending recovery holds it: that earlier work is kept until
// the artist decides, and this session's autosave goes beside it.
std::filesystem::path Autosaver::freeFileFor(const std::string& key) const {
    std::string name = key + std::string(kRecoveryExtension);
    for (int n = 2; pending_.count(name) > 0; ++n)
        name = key + "-" + std::to_string(n) + std::string(kRecoveryExtension);
    return folder_ / name;
}

std::vector<Recovery> Autosaver::pendingRecoveries() const {
    std::vector<Recovery> found;
    for (const std::string& name : pending_)
        found.push_back(readRecovery(folder_ / name));
    return found;
}

void Autosaver::adopt(const Recovery& recovery) {
    collectWrite(true);
    pending_.erase(recovery.file.filename().string());
    documentKey_ = recoveryKey(recovery.projectFile, recovery.photoPath);
    documentFile_ = recovery.file;
    lastWritten_.reset();
    dirtySince_.reset();
}

void Autosaver::discard(const Recovery& recovery) {
    collectWrite(true);
    std::error_code error;
    std::filesystem::remove(recovery.file, error);
    if (error) throw core::InputError(recovery.file.string() + ": cannot be removed: " + error.message());
    pending_.erase(recovery.file.filename().string());
    if (recovery.file == documentFile_) forgetDocument(false);
}

std::optional<std::string> Autosaver::takeFailure() {
    collectWrite(false);
    std::optional<std::string> failure = std::move(failure_);
    failure_.reset();
    return failure;
}

}  // namespace smp::ui
