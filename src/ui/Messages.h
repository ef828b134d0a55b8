#pragma once
// Non-blocking notices in the corner of the canvas: errors stay longer than confirmations.
// The artist keeps working while they show.

#include <string>
#include <vector>

namespace smp::ui {

struct Message {
    std::string text;
    bool isError = false;
    double shownAtSeconds = -1.0;  // set when first drawn
    bool dismissed = false;
};

struct Messages {
    std::vector<Message> visible;

    void info(std::string text) { add(std::move(text), false); }
    void error(std::string text) { add(std::move(text), true); }

private:
    // A notice already on screen is not stacked again (a failure repeating every frame).
    void add(std::string text, bool isError) {
        for (const Message& m : visible)
            if (m.text == text && !m.dismissed) return;
        visible.push_back({std::move(text), isError});
    }
};

// Draws the notices over the canvas area and retires the old ones.
void drawMessages(Messages& messages, float right, float bottom);

}  // namespace smp::ui
