// make_demo_head.cpp - paints the bundled demo photo procedurally.
//
// This program is how assets/demo/demo_head.jpg is made: it paints a
// synthetic, photo-like studio portrait of a man with a freshly shaved head
// from nothing but maths (no image from elsewhere, nothing downloaded), so the
// demo asset carries no third-party rights and can be regenerated anywhere:
//
//   g++ -O2 -std=c++17 make_demo_head.cpp -o make_demo_head $(pkg-config --cflags --libs opencv4)
//   ./make_demo_head assets/demo/demo_head.jpg
//   ./make_demo_head assets/demo/demo_head_brown.jpg --brown-skin
//   ./make_demo_head assets/demo/demo_head_scar.jpg --scar
//
// The second is the same head with brown skin (ITA about -20 degrees), for showing how pigment
// reads on darker skin: everything but the skin and lip colours is identical. The third has a
// pale linear scar across the upper scalp (where make_demo_projects.cpp marks its scar zone),
// for showing how SMP camouflages one.
//
// How: the head is modelled in millimetres as a height field - an
// ellipsoid-like skull and face plus smooth Gaussian relief for brows, eye
// sockets, nose, lips and chin. Its normals are lit by a soft key light (upper
// left), a fill light, a rim light and ambient light, with ray-marched cast
// shadows, cheap ambient occlusion and a per-channel blur of the irradiance
// that imitates light scattering under the skin. Albedo comes from layered
// noise; eyebrows, lashes and stubble are thousands of tiny supersampled
// strokes. No outlines are drawn: every edge comes from a smooth field.
//
// The output is deterministic (fixed seeds) and the scale is exact: the
// interpupillary distance is 63 mm and the program prints px/mm and the pupil
// centres so tests can rely on them.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// ---- Frame, scale and small maths helpers ---------------------------------

constexpr int kW = 1600;
constexpr int kH = 2000;
constexpr float kPxPerMm = 6.1f;
constexpr float kOriginX = 800.f; // pixel column of the facial midline
constexpr float kOriginY = 800.f; // pixel row of the pupils
constexpr float kHalfIpd = 31.5f; // mm: 63 mm interpupillary distance
constexpr float kPi = 3.14159265f;
constexpr float kEarTop = -14.f; // mm, top of the ears (brow level)
constexpr float kEarLen = 60.f;  // mm, ear height
constexpr int kSuper = 3;        // supersampling of the hair canvases

using Vec3 = cv::Vec3f; // linear-light colour, BGR order like OpenCV

float mmX(float col) {
    return (col - kOriginX) / kPxPerMm;
}
float mmY(float row) {
    return (row - kOriginY) / kPxPerMm;
}
float sq(float v) {
    return v * v;
}
float clamp01(float v) {
    return std::min(1.f, std::max(0.f, v));
}
float mix(float a, float b, float t) {
    return a + (b - a) * t;
}
Vec3 mix(const Vec3& a, const Vec3& b, float t) {
    return a + (b - a) * t;
}
float smoothstep(float a, float b, float v) {
    const float t = clamp01((v - a) / (b - a));
    return t * t * (3.f - 2.f * t);
}
float bump1(float v, float c, float s) {
    return std::exp(-0.5f * sq((v - c) / s));
}
float bump(float x, float y, float cx, float cy, float sx, float sy) {
    return std::exp(-0.5f * (sq((x - cx) / sx) + sq((y - cy) / sy)));
}
// Gaussian ridge along the segment a-b: used for creases and elongated bumps.
// Its strength tapers off over the last quarter at both ends so creases fade
// out instead of ending in a pit.
float ridge(float px, float py, float ax, float ay, float bx, float by, float s) {
    const float vx = bx - ax, vy = by - ay, wx = px - ax, wy = py - ay;
    const float tr = (wx * vx + wy * vy) / (vx * vx + vy * vy), t = clamp01(tr);
    const float taper = smoothstep(-0.1f, 0.25f, tr) * smoothstep(1.1f, 0.75f, tr);
    return taper * std::exp(-0.5f * (sq(wx - t * vx) + sq(wy - t * vy)) / (s * s));
}
// Polynomial smooth maximum: joins two surfaces with a rounded crease.
float smoothMax(float a, float b, float k) {
    const float h = clamp01(0.5f + 0.5f * (a - b) / k);
    return mix(b, a, h) + k * h * (1.f - h);
}
Vec3 fromSrgb(int r, int g, int b) {
    auto lin = [](int v) { return std::pow((v / 255.f + 0.055f) / 1.055f, 2.4f); };
    return {lin(b), lin(g), lin(r)};
}

// Runs f(row, col) for every pixel, rows in parallel (each pixel is written
// by exactly one call, so the result does not depend on the thread count).
template <class F> void forEachPixel(F&& f) {
    cv::parallel_for_(cv::Range(0, kH), [&](const cv::Range& rows) {
        for (int r = rows.start; r < rows.end; ++r)
            for (int c = 0; c < kW; ++c)
                f(r, c);
    });
}

// Smooth value noise with unit variance: Gaussian random numbers on a coarse
// grid of cellMm, bicubically upsampled. Summing scales gives skin blotches.
cv::Mat1f valueNoise(cv::RNG& rng, float cellMm) {
    const float cell = cellMm * kPxPerMm;
    cv::Mat1f grid(int(kH / cell) + 4, int(kW / cell) + 4);
    rng.fill(grid, cv::RNG::NORMAL, 0.0, 1.0);
    cv::Mat1f big;
    cv::resize(grid, big, cv::Size(), cell, cell, cv::INTER_CUBIC);
    cv::Mat1f out = big(cv::Rect(int(cell), int(cell), kW, kH)).clone();
    cv::Scalar mean, dev;
    cv::meanStdDev(out, mean, dev);
    return (out - mean[0]) / dev[0];
}

// Antialiased coverage (0..1) of polygons given in mm.
cv::Mat1f polygonCoverage(const std::vector<std::vector<cv::Point2f>>& polysMm) {
    std::vector<std::vector<cv::Point>> polys;
    for (const auto& poly : polysMm) {
        std::vector<cv::Point> pts;
        for (const auto& p : poly) // 4 fractional bits for subpixel precision
            pts.emplace_back(cvRound((kOriginX + p.x * kPxPerMm) * 16), cvRound((kOriginY + p.y * kPxPerMm) * 16));
        polys.push_back(pts);
    }
    cv::Mat1b mask(kH, kW, uchar(0));
    cv::fillPoly(mask, polys, cv::Scalar(255), cv::LINE_AA, 4);
    cv::Mat1f cov;
    mask.convertTo(cov, CV_32F, 1.0 / 255);
    return cov;
}

// ---- Head geometry (mm; origin between the pupils, x right, y down) -------

// Half width of the skull+face silhouette: a broad superellipse for the dome
// (widest at the parietal bones), a slight narrowing at the temples, then a
// superellipse for the jaw and chin.
float headHalfWidth(float y) {
    if (y <= -118.f || y >= 116.f) return 0.f;
    if (y < -45.f) return 77.f * std::pow(std::max(0.f, 1.f - std::pow(std::abs(y + 45.f) / 73.f, 2.4f)), 1.f / 2.4f);
    const float upper = 77.f - 2.5f * bump1(y, -8.f, 12.f) - 8.f * smoothstep(-45.f, 15.f, y);
    const float t = std::max(0.f, y - 15.f) / 101.f;
    const float jaw = 69.f * std::sqrt(std::max(0.f, 1.f - t * t)) - 3.f * smoothstep(0.1f, 0.7f, t) * (1.f - t);
    return mix(upper, jaw, smoothstep(5.f, 35.f, y)); // blended so no shading seam shows
}

// How far the front of the head stands out of the silhouette plane: the
// forehead leans back gradually, the chin rounds off underneath.
float headFrontDepth(float y) {
    if (y < -10.f) return 84.f * std::sqrt(std::max(0.f, 1.f - sq((y + 10.f) / 108.f)));
    if (y < 96.f) return 84.f;
    return 84.f * std::sqrt(std::max(0.f, 1.f - sq((y - 96.f) / 22.f)));
}

// Neck, widening into the trapezius slope towards the shoulders.
float neckHalfWidth(float y) {
    if (y < 30.f) return 0.f;
    const float d = std::max(0.f, y - 128.f);
    return std::min(400.f, 48.f + 5.f * smoothstep(95.f, 130.f, y) + 0.07f * d * d);
}

// How far an ear sticks out beyond the head silhouette in front view.
float earProtrusion(float y) {
    const float t = (y - kEarTop) / kEarLen;
    if (t <= 0.f || t >= 1.f) return 0.f;
    return 22.f * std::pow(std::sin(kPi * t), 0.6f) * (1.f - 0.4f * t);
}

// Top edge of the crew-neck t-shirt.
float collarY(float x) {
    const float u = std::min(1.f, std::abs(x) / 72.f);
    return 140.f + 30.f * std::sqrt(1.f - u * u);
}

// Eye-local coordinates: ex grows laterally (away from the nose), ey down,
// origin at the pupil centre.
struct EyeLocal {
    float ex, ey, side;
};
EyeLocal eyeLocal(float x, float y) {
    const float side = x < 0.f ? -1.f : 1.f;
    return {(x - side * kHalfIpd) * side, y, side};
}
// Line through the eye corners; the lateral corner sits a bit higher.
float canthusLine(float s) {
    return 0.3f - 0.7f * s;
}
float upperLidY(float ex) {
    const float s = std::max(-1.f, std::min(1.f, ex / 15.f));
    return canthusLine(s) - 4.4f * std::pow(1.f - s * s, 0.6f) * (1.f - 0.2f * s);
}
float lowerLidY(float ex) {
    const float s = std::max(-1.f, std::min(1.f, ex / 15.f));
    return canthusLine(s) + 4.6f * std::pow(1.f - s * s, 0.8f) * (1.f + 0.12f * s);
}
// Signed distance-like opening of the eye (mm, > 0 inside the lids).
float eyeOpening(const EyeLocal& e) {
    return std::min(e.ey - upperLidY(e.ex), lowerLidY(e.ex) - e.ey) - std::max(0.f, std::abs(e.ex) - 15.f);
}

// Mouth: stomion line, cupid's bow and lower lip outline. The stomion dips a
// little in the middle under the upper-lip tubercle and is level at the
// corners (corners that drop read as a frown).
float mouthLineY(float x) {
    return 72.f + 0.6f * bump1(x, 0.f, 5.f) - 0.25f * sq(x / 24.f);
}
float upperLipTopY(float x) {
    return 72.f - 6.5f * std::pow(std::max(0.f, 1.f - sq(x / 24.f)), 0.8f) + 1.2f * bump1(x, 0.f, 2.4f);
}
float lowerLipBottomY(float x) {
    return 72.f + 9.f * std::pow(std::max(0.f, 1.f - sq(x / 22.5f)), 0.75f);
}
float lipCover(float x, float y) {
    return std::min(smoothstep(-0.7f, 0.9f, y - upperLipTopY(x)), smoothstep(-1.8f, 2.f, lowerLipBottomY(x) - y)) *
           smoothstep(24.5f, 19.f, std::abs(x));
}

// Lips follow their outlines instead of being round blobs: the upper lip is a
// slim roll that leans down towards the slit (so it faces away from the key
// light), the lower lip a fuller pad whose upper half faces up and catches it.
float lipRelief(float x, float y) {
    const float ax = std::abs(x), line = mouthLineY(x), w = smoothstep(25.f, 14.f, ax);
    float r = 0.f;
    r += 2.2f * bump1(y, mix(upperLipTopY(x), line, 0.45f), 1.9f) * w;    // upper lip
    r += 0.5f * bump1(y, upperLipTopY(x) - 0.3f, 0.6f) * w;               // vermilion border ("white roll")
    r += 3.6f * bump1(y, mix(line, lowerLipBottomY(x), 0.42f), 2.9f) * w; // lower lip
    r -= 1.3f * bump1(y, line, 0.65f) * smoothstep(25.f, 17.f, ax);      // mouth slit
    r -= 0.8f * bump(ax, y, 24.5f, line, 2.2f, 2.2f);                     // soft corners (modioli)
    r -= 0.7f * bump(x, y, 0.f, 57.f, 2.2f, 6.f);                         // philtrum groove
    r += 0.5f * bump(ax, y, 4.f, 58.f, 1.4f, 6.f);                        // philtral columns
    return r;
}

// Nose seen from the front: a narrow bony bridge that widens into a rounded
// lobule, alar wings either side separated from the cheek by a soft crease,
// and a columella between the nostrils. Gaussian cross-sections keep the
// sides softly shaded; the parts are joined with smoothMax so no seam shows.
// (A ridge simply cut off below the tip reads as a flat dark bar.)
float noseRelief(float x, float y) {
    const float ax = std::abs(x);
    const float t = clamp01((y + 8.f) / 46.f); // 0 at the nasion, 1 at the tip
    const float end = y > 31.f ? std::exp(-0.5f * sq((y - 31.f) / 4.f)) : 1.f; // bridge ends in the tip
    const float bridge = (3.f + 9.f * std::pow(t, 1.3f)) * std::exp(-0.5f * sq(x / (3.6f + 2.4f * t))) *
                         smoothstep(-18.f, -5.f, y) * end;
    // The lobule is a softened ball: lit on top, shading round to its lower
    // rim, which is the only steep (dark) part and stays thin and curved.
    const float d2 = sq(x / 8.2f) + sq((y - 35.5f) / 6.5f);
    const float lobule = 15.f * std::pow(std::max(0.f, 1.f - d2), 0.7f);
    const float alae = 3.4f * bump(ax, y, 10.5f, 41.5f, 4.4f, 3.4f);
    float r = smoothMax(smoothMax(bridge, lobule, 3.f), alae, 3.5f);
    r -= 1.0f * bump1(std::hypot((ax - 10.5f) / 1.1f, y - 41.5f), 5.3f, 1.f) *
         smoothstep(10.f, 14.f, ax); // alar crease, lateral side only
    r += 1.2f * bump(x, y, 0.f, 44.f, 2.2f, 2.f);                        // columella
    r -= 1.5f * bump(ax, y, 5.8f, 44.8f, 2.2f, 1.1f);                    // nostrils
    return r;
}
// Darkening of the nostril openings (albedo): tilted ovals either side of
// the columella, the lateral end a little higher, seen slightly from below.
float nostrilShade(float x, float y) {
    const float ax = std::abs(x), u = (ax - 6.1f) / 2.6f, v = (y - 45.2f + 0.3f * (ax - 6.1f)) / 1.05f;
    return std::exp(-std::pow(u * u + v * v, 1.6f));
}

// Facial relief (mm added to the base surface): bony landmarks and soft tissue.
float faceRelief(float x, float y) {
    const float ax = std::abs(x);
    float r = 0.f;
    r += 5.0f * ridge(ax, y, 4.f, -13.f, 52.f, -15.f, 5.5f); // brow ridge
    r += 2.0f * bump(x, y, 0.f, -12.f, 9.f, 7.f);            // glabella
    r += 2.5f * bump(ax, y, 26.f, -52.f, 20.f, 20.f);        // frontal bosses
    r -= 3.5f * bump(ax, y, 63.f, -20.f, 9.f, 16.f);         // temples
    for (int k = 0; k < 3; ++k)                              // faint horizontal forehead lines
        r -= 0.2f * bump1(y, -34.f - 9.f * k + 2.f * std::cos(x / 25.f + 2.f * k), 0.8f) *
             smoothstep(40.f - 8.f * k, 10.f, ax);
    r -= 17.f * bump(ax, y, 29.f, 0.f, 15.f, 10.f);     // orbits
    r += 12.f * bump(ax, y, kHalfIpd, 0.5f, 11.f, 7.f); // eyeball and lids
    const EyeLocal e = eyeLocal(x, y);
    const float crease = upperLidY(e.ex) - 4.0f + 0.8f * sq(e.ex / 15.f);
    r -= 1.8f * bump1(y, crease, 1.2f) * smoothstep(19.f, 11.f, std::abs(e.ex));                // lid crease
    r += 0.8f * bump1(y, lowerLidY(e.ex) + 1.6f, 1.2f) * smoothstep(16.f, 8.f, std::abs(e.ex)); // lower lid
    r -= 1.0f * smoothstep(-0.3f, 0.6f, eyeOpening(e));                     // eyeball sits behind the lid margins
    r -= 1.8f * bump(ax, y, 24.f, 11.f, 9.f, 3.f);                          // tear trough
    r += 6.0f * bump(ax, y, 47.f, 14.f, 13.f, 10.f);                        // cheekbones
    r -= 2.5f * bump(ax, y, 50.f, 48.f, 10.f, 14.f);                        // hollow under the cheekbone
    // Nasolabial fold: the same faint, wide fold on both sides (a narrow one
    // reads as a scar where the key light grazes it).
    r -= 0.9f * ridge(ax, y, 16.f, 47.f, 27.f, 77.f, 3.2f);
    r += 1.4f * ridge(ax, y, 23.f, 45.f, 33.f, 76.f, 6.f);                 // cheek fat beside it
    r += 7.0f * bump(x, y, 0.f, 68.f, 24.f, 17.f);                          // muzzle over the teeth
    r += lipRelief(x, y);
    r -= 2.5f * bump(x, y, 0.f, 85.f, 13.f, 2.8f);                          // mentolabial sulcus
    r += 6.0f * bump(x, y, 0.f, 100.f, 13.f, 9.f);                          // chin
    r += 2.5f * bump(ax, y, 57.f, 84.f, 8.f, 8.f);                          // jaw angle
    r -= 7.f * smoothstep(36.f, 66.f, ax) * smoothstep(-25.f, 0.f, y) *
         (1.f - smoothstep(80.f, 110.f, y)); // side planes
    r += noseRelief(x, y);
    return r;
}

float neckRelief(float x, float y) {
    const float ax = std::abs(x);
    return 3.f * bump(x, y, 0.f, 140.f, 6.f, 9.f)             // Adam's apple
           + 3.f * ridge(ax, y, 50.f, 95.f, 14.f, 175.f, 7.f) // sternocleidomastoid
           - 3.f * bump(x, y, 0.f, 178.f, 8.f, 6.f);          // sternal notch
}

float headNeckHeight(float x, float y) {
    float head = 0.f;
    if (const float hw = headHalfWidth(y); hw > 0.f) {
        const float p = 2.f + 0.3f * smoothstep(-40.f, 0.f, y); // face flatter than dome
        const float u = std::min(1.f, std::abs(x) / hw);
        const float prof = std::pow(1.f - std::pow(u, p), 1.f / p);
        head = headFrontDepth(y) * prof + faceRelief(x, y) * smoothstep(0.f, 0.35f, prof);
    }
    float neck = 0.f;
    if (const float nw = neckHalfWidth(y); nw > 0.f) {
        const float u = std::min(1.f, std::abs(x) / nw);
        neck = 38.f * std::sqrt(1.f - u * u) + neckRelief(x, y);
    }
    return smoothMax(head, neck, 2.f);
}

// Ear: a plate sweeping backwards, with helix rim, antihelix and concha.
float earHeight(float x, float y) {
    const float e = earProtrusion(y);
    const float t = clamp01((y - kEarTop) / kEarLen);
    const float w = (std::abs(x) - headHalfWidth(y) + 5.f) / (e + 5.f); // 0 root .. 1 rim
    const float folds = 1.f - smoothstep(0.65f, 0.8f, t);               // the lobe has no cartilage
    float h = 6.f - 6.f * w - 8.f * std::pow(std::abs(t - 0.45f) / 0.55f, 4.f);
    h += 2.0f * bump1(w, 0.96f, 0.06f) * (1.f - 0.6f * smoothstep(0.7f, 0.9f, t)); // helix rim
    h -= 1.6f * bump1(w, 0.8f, 0.06f) * folds * smoothstep(0.f, 0.1f, t);          // scapha
    h += 1.6f * bump1(w, 0.62f, 0.08f) * folds * smoothstep(0.1f, 0.25f, t);       // antihelix
    h -= 4.5f * bump1(w, 0.36f, 0.12f) * bump1(t, 0.52f, 0.13f);                   // concha
    return h;
}

float shirtHeight(float x, float y, float fold) {
    const float u = std::min(1.f, std::abs(x) / std::max(1.f, neckHalfWidth(y)));
    const float below = y - collarY(x); // mm below the collar edge
    return 41.f * std::sqrt(1.f - u * u) + 1.5f * fold + 1.3f * bump1(below, 5.f, 3.f) * smoothstep(-1.f, 0.f, below);
}

// ---- Hair densities ------------------------------------------------------

// Shaved "horseshoe" on the sides of the scalp, fading towards the crown.
float scalpStubbleDensity(float x, float y) {
    const float hw = headHalfWidth(y);
    if (hw <= 0.f) return 0.f;
    const float u = std::abs(x) / hw;
    const float edge = mix(0.74f, 0.90f, smoothstep(-40.f, 15.f, y)); // sideburns hug the ears
    float d =
        smoothstep(edge - 0.04f, edge + 0.06f, u) * smoothstep(-70.f, -40.f, y) * (1.f - smoothstep(14.f, 24.f, y));
    d += 0.3f * smoothstep(0.55f, 0.9f, u) * smoothstep(-98.f, -62.f, y) * (1.f - smoothstep(-62.f, -40.f, y));
    return std::min(1.f, d);
}

// Light five-o'clock shadow of the beard.
float beardDensity(float x, float y) {
    const float ax = std::abs(x);
    const float top = ax > 32.f ? 55.f - (ax - 32.f) * 1.26f : 51.f + 4.f * sq(ax / 32.f);
    return 0.65f * smoothstep(top - 3.f, top + 6.f, y) * (1.f - 0.7f * smoothstep(116.f, 140.f, y)) *
           (1.f - lipCover(x, y)) *
           (1.f - smoothstep(6.f, 0.f, std::abs(y - mouthLineY(x))) * smoothstep(30.f, 24.f, ax));
}

// One slightly curved hair on a supersampled canvas; position in mm.
void drawHair(cv::Mat1b& canvas, float xMm, float yMm, float angle, float lenMm, float curl, int thick, int ink) {
    std::vector<cv::Point> pts;
    float px = xMm, py = yMm;
    for (int k = 0; k <= 4; ++k) {
        const float a = angle + curl * k / 4.f;
        pts.emplace_back(cvRound(((kOriginX + px * kPxPerMm + 0.5f) * kSuper - 0.5f) * 8),
                         cvRound(((kOriginY + py * kPxPerMm + 0.5f) * kSuper - 0.5f) * 8));
        px += std::cos(a) * lenMm / 4.f;
        py += std::sin(a) * lenMm / 4.f;
    }
    cv::polylines(canvas, pts, false, cv::Scalar(ink), thick, cv::LINE_AA, 3);
}

cv::Mat1f downsampleCanvas(const cv::Mat1b& canvas) {
    cv::Mat1b small;
    cv::resize(canvas, small, cv::Size(kW, kH), 0, 0, cv::INTER_AREA);
    cv::Mat1f cov;
    small.convertTo(cov, CV_32F, 1.0 / 255);
    return cov;
}

// Eyebrows from ~700 short hairs each, following the brow's growth pattern,
// plus the upper and lower lashes.
cv::Mat1f paintBrowsAndLashes(cv::RNG& rng) {
    cv::Mat1b canvas(kH * kSuper, kW * kSuper, uchar(0));
    // Brow centre line and thickness, medial head to lateral tail (mm).
    const float bx[] = {12.f, 22.f, 34.f, 44.f, 54.f};
    const float by[] = {-14.f, -16.5f, -18.5f, -18.f, -15.f};
    const float bt[] = {7.f, 7.5f, 6.5f, 4.5f, 2.f};
    for (float side : {-1.f, 1.f}) {
        for (int i = 0; i < 2300; ++i) {
            const float t = float(rng.uniform(0.0, 1.0));
            const int seg = std::min(3, int(t * 4.f));
            const float f = t * 4.f - seg;
            const float cx = mix(bx[seg], bx[seg + 1], f), cy = mix(by[seg], by[seg + 1], f);
            const float across = float(rng.gaussian(0.3)) * mix(bt[seg], bt[seg + 1], f); // -: upper edge
            // Hairs at the head point up, the body fans laterally, upper hairs lie down.
            float ang = mix(-1.1f, -0.2f, smoothstep(0.05f, 0.3f, t)) +
                        (across < 0.f ? 0.3f : -0.08f) * smoothstep(0.15f, 0.4f, t);
            ang += float(rng.gaussian(0.14));
            const float len = mix(3.f, 6.f, smoothstep(0.f, 0.4f, t)) * float(rng.uniform(0.7, 1.2));
            const float dx = std::cos(ang) * side, dy = std::sin(ang);
            drawHair(canvas, side * cx + float(rng.gaussian(0.5)) - dx * len * 0.5f, cy + across - dy * len * 0.5f,
                     std::atan2(dy, dx), len, 0.25f * side, rng.uniform(0, 3) == 0 ? 2 : 1, rng.uniform(110, 256));
        }
        // Upper lashes: dense, curving up and out from the lid margin.
        for (int i = 0; i < 80; ++i) {
            const float ex = float(rng.uniform(-12.5, 14.5));
            const float lat = (ex + 12.5f) / 27.f;
            const float ang = -kPi / 2.f + (0.3f + 0.8f * lat) * side + float(rng.gaussian(0.12));
            drawHair(canvas, side * (kHalfIpd + ex), upperLidY(ex) + 0.3f, ang,
                     float(rng.uniform(0.9, 1.8)) * (0.6f + 0.6f * lat), 0.3f * side, 1, rng.uniform(150, 240));
        }
        // Lower lashes: sparse, short, pointing down.
        for (int i = 0; i < 35; ++i) {
            const float ex = float(rng.uniform(-9.0, 14.0));
            const float ang = kPi / 2.f - 0.5f * side * (ex / 14.f) + float(rng.gaussian(0.15));
            drawHair(canvas, side * (kHalfIpd + ex), lowerLidY(ex) + 0.5f, ang, float(rng.uniform(0.8, 1.4)), 0.f, 1,
                     rng.uniform(50, 110));
        }
    }
    return downsampleCanvas(canvas);
}

// Stubble: tiny strokes scattered with the hair densities. Density is per mm^2
// of skin, so it is boosted where the surface turns away (foreshortening).
cv::Mat1f paintStubble(cv::RNG& rng) {
    cv::Mat1b canvas(kH * kSuper, kW * kSuper, uchar(0));
    constexpr float kX0 = -95.f, kX1 = 95.f, kY0 = -100.f, kY1 = 150.f, kMaxPerMm2 = 12.f;
    const int candidates = int((kX1 - kX0) * (kY1 - kY0) * kMaxPerMm2);
    for (int i = 0; i < candidates; ++i) {
        const float x = float(rng.uniform(kX0, kX1)), y = float(rng.uniform(kY0, kY1));
        const float scalp = scalpStubbleDensity(x, y), beard = beardDensity(x, y);
        const float hw = std::max(headHalfWidth(y), neckHalfWidth(y));
        const float slant = std::sqrt(std::max(0.1f, 1.f - sq(std::min(1.f, std::abs(x) / std::max(hw, 1.f)))));
        const float p = std::max(scalp, beard) * std::min(3.f, 1.f / slant) / 3.f * 0.4f;
        if (float(rng.uniform(0.0, 1.0)) >= p) continue;
        // Scalp hair grows down and back; beard hair down and slightly outwards.
        const float ang =
            kPi / 2.f + (x < 0.f ? 1.f : -1.f) * (scalp > beard ? 0.35f : -0.25f) + float(rng.gaussian(0.45));
        drawHair(canvas, x, y, ang, float(rng.uniform(0.3, 0.6)), 0.f, 1, rng.uniform(70, 160));
    }
    return downsampleCanvas(canvas);
}

// ---- Lighting ------------------------------------------------------------

cv::Mat3f normalsFrom(const cv::Mat1f& h) {
    cv::Mat1f gx, gy; // dH/dx, dH/dy in mm per mm
    cv::Sobel(h, gx, CV_32F, 1, 0, 3, kPxPerMm / 8.0);
    cv::Sobel(h, gy, CV_32F, 0, 1, 3, kPxPerMm / 8.0);
    cv::Mat3f n(h.size());
    forEachPixel([&](int r, int c) { n(r, c) = cv::normalize(Vec3(-gx(r, c), -gy(r, c), 1.f)); });
    return n;
}

// Soft cast shadows by marching each pixel's ray towards the key light over
// the height field; the penumbra widens with the distance to the occluder.
cv::Mat1f castShadows(const cv::Mat1f& h, const cv::Mat1f& present, const Vec3& light) {
    const float planar = std::hypot(light[0], light[1]);
    const float dx = light[0] / planar, dy = light[1] / planar, rise = light[2] / planar;
    cv::Mat1f vis(kH, kW, 1.f);
    forEachPixel([&](int r, int c) {
        if (present(r, c) < 0.01f) return;
        const float h0 = h(r, c);
        float occ = 0.f;
        for (int k = 1; k <= 160; ++k) {
            const int sc = cvRound(c + dx * 2.f * k), sr = cvRound(r + dy * 2.f * k);
            if (sc < 0 || sr < 0 || sc >= kW || sr >= kH) break;
            if (present(sr, sc) < 0.5f) continue;
            const float dist = 2.f * k / kPxPerMm;
            occ = std::max(occ, (h(sr, sc) - (h0 + rise * dist + 0.3f)) / (1.0f + 0.3f * dist));
        }
        vis(r, c) = 1.f - clamp01(occ);
    });
    cv::GaussianBlur(vis, vis, cv::Size(), 4.0);
    return vis;
}

// Cavity-style ambient occlusion: points below their blurred neighbourhood.
cv::Mat1f ambientOcclusion(const cv::Mat1f& h) {
    cv::Mat1f near, far;
    cv::GaussianBlur(h, near, cv::Size(), 3.0 * kPxPerMm);
    cv::GaussianBlur(h, far, cv::Size(), 10.0 * kPxPerMm);
    cv::Mat1f ao(kH, kW);
    forEachPixel([&](int r, int c) {
        const float h0 = h(r, c);
        ao(r, c) = 1.f - clamp01(0.09f * std::max(0.f, near(r, c) - h0) + 0.04f * std::max(0.f, far(r, c) - h0));
    });
    return ao;
}

// Blur of a masked field that ignores what lies outside the mask.
cv::Mat1f maskedBlur(const cv::Mat1f& v, const cv::Mat1f& mask, double sigmaPx) {
    cv::Mat1f num, den;
    cv::GaussianBlur(v.mul(mask), num, cv::Size(), sigmaPx);
    cv::GaussianBlur(mask, den, cv::Size(), sigmaPx);
    return num / (den + 1e-4f);
}

// ---- Eyes ----------------------------------------------------------------

// Colour of the eyeball (sclera, iris, pupil) at a point inside the lids.
Vec3 eyeballColour(const EyeLocal& e, float x, float grain) {
    const float s = std::max(-1.f, std::min(1.f, e.ex / 15.f));
    Vec3 col = mix(fromSrgb(168, 156, 150), fromSrgb(168, 118, 108), 0.55f * std::pow(std::abs(s), 2.5f));
    col = mix(col, fromSrgb(200, 120, 115), 0.8f * bump(e.ex, e.ey, -13.6f, 0.6f, 1.3f, 1.2f)); // caruncle
    const float ix = x - e.side * kHalfIpd, r = std::hypot(ix, e.ey);
    if (r < 6.3f) {
        const float th = std::atan2(e.ey, ix) + 0.7f * e.side;
        const float fib = 0.5f + 0.25f * std::sin(37.f * th + 1.3f) + 0.15f * std::sin(71.f * th + 0.4f) +
                          0.1f * std::sin(113.f * th + 2.1f) + 0.1f * std::sin(19.f * th + 5.f * r);
        Vec3 iris = mix(fromSrgb(78, 58, 42), fromSrgb(128, 98, 60), 0.6f * bump1(r, 2.8f, 0.7f));
        iris *= (0.8f + 0.4f * fib + 0.15f * grain) * (1.f - 0.6f * smoothstep(4.3f, 5.9f, r));
        iris = mix(iris, Vec3(0.004f, 0.004f, 0.005f), smoothstep(2.1f, 1.8f, r)); // pupil
        col = mix(col, iris, smoothstep(6.1f, 5.6f, r));
    }
    col *= 1.f - 0.55f * s * s; // the ball turns away towards the corners
    col *= 1.f - 0.7f * std::exp(-std::max(0.f, e.ey - upperLidY(e.ex)) / 1.8f); // lid + lash shadow
    col *= 1.f - 0.3f * std::exp(-std::max(0.f, lowerLidY(e.ex) - e.ey) / 0.6f);
    return col;
}

// Catchlight of the softbox on the cornea: same direction in both eyes.
float catchlight(float x, float y) {
    const float dx = std::abs(x) > 0.f ? x - (x < 0.f ? -kHalfIpd : kHalfIpd) : 0.f;
    return std::exp(-std::pow(std::abs(dx + 1.6f) / 0.6f, 3.f) - std::pow(std::abs(y + 1.8f) / 0.5f, 3.f));
}

} // namespace

int main(int argc, char** argv) {
    const std::string variant = argc == 3 ? argv[2] : "";
    if (argc < 2 || argc > 3 || (argc == 3 && variant != "--brown-skin" && variant != "--scar")) {
        std::fprintf(stderr, "usage: %s output.jpg [--brown-skin | --scar]\n", argv[0]);
        return 2;
    }
    const bool brownSkin = variant == "--brown-skin";
    const bool scarred = variant == "--scar";
    cv::RNG rng(0x5EED5A17u);

    // ---- Silhouettes (antialiased coverage) ----
    std::vector<cv::Point2f> head, neck, shirt;
    std::vector<std::vector<cv::Point2f>> ears(2);
    for (float y = -118.f; y <= 116.f; y += 0.25f)
        head.emplace_back(headHalfWidth(y), y);
    for (float y = 116.f; y >= -118.f; y -= 0.25f)
        head.emplace_back(-headHalfWidth(y), y);
    for (float y = 30.f; y <= 240.f; y += 0.5f)
        neck.emplace_back(neckHalfWidth(y), y);
    for (float y = 240.f; y >= 30.f; y -= 0.5f)
        neck.emplace_back(-neckHalfWidth(y), y);
    for (float y = kEarTop; y <= kEarTop + kEarLen; y += 0.25f) {
        ears[0].emplace_back(headHalfWidth(y) + earProtrusion(y), y);
        ears[1].emplace_back(-headHalfWidth(y) - earProtrusion(y), y);
    }
    for (int i = 1; i >= 0; --i) // close each ear behind the head outline
        for (float y = kEarTop + kEarLen; y >= kEarTop; y -= 1.f)
            ears[i].emplace_back((i ? -1.f : 1.f) * (headHalfWidth(y) - 8.f), y);
    shirt = {{-300.f, 90.f}, {-80.f, 90.f}};
    for (float x = -72.f; x <= 72.f; x += 0.5f)
        shirt.emplace_back(x, collarY(x));
    for (cv::Point2f p : {cv::Point2f(80.f, 90.f), {300.f, 90.f}, {300.f, 400.f}, {-300.f, 400.f}})
        shirt.push_back(p);
    const cv::Mat1f headCov = polygonCoverage({head}), neckCov = polygonCoverage({neck});
    const cv::Mat1f earCov = polygonCoverage(ears);
    const cv::Mat1f shirtCov = cv::min(polygonCoverage({shirt}), neckCov);

    // ---- Noise fields ----
    const cv::Mat1f nLow = valueNoise(rng, 22.f), nMid = valueNoise(rng, 6.f), nSmall = valueNoise(rng, 1.5f);
    const cv::Mat1f nRed = valueNoise(rng, 9.f), nFold = valueNoise(rng, 45.f), nFold2 = valueNoise(rng, 15.f);
    cv::Mat1f nPore(kH, kW);
    rng.fill(nPore, cv::RNG::NORMAL, 0.0, 1.0);
    cv::GaussianBlur(nPore, nPore, cv::Size(), 0.8);
    nPore *= 1.0 / 0.35; // back to roughly unit variance after the blur
    // Open pores: sparse tiny pits (own RNG so the hair layout is unchanged).
    cv::RNG poreRng(0x90E5u);
    cv::Mat1f nPit(kH, kW);
    poreRng.fill(nPit, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::threshold(nPit, nPit, 0.965, 1.0, cv::THRESH_BINARY);
    cv::GaussianBlur(nPit, nPit, cv::Size(), 0.7);
    // Pores and fine colour variation belong to the face; the scalp stays
    // smooth because that is where the SMP dots are previewed.
    auto faceTexture = [](float x, float y) {
        return smoothstep(-50.f, -25.f, y) * (0.6f + 0.6f * bump(std::abs(x), y, 22.f, 30.f, 22.f, 18.f));
    };

    // ---- Height fields, layer weights and normals ----
    cv::Mat1f headH(kH, kW), earH(kH, kW), shirtH(kH, kW), wHead(kH, kW), wEar(kH, kW), wShirt(kH, kW);
    forEachPixel([&](int r, int c) {
        const float x = mmX(float(c)), y = mmY(float(r));
        headH(r, c) = headNeckHeight(x, y) + 0.03f * nPore(r, c) - 0.1f * nPit(r, c) * faceTexture(x, y); // pores catch the speculars
        earH(r, c) = earHeight(x, y) + 0.02f * nPore(r, c);
        shirtH(r, c) = shirtHeight(x, y, nFold(r, c) + 0.25f * nFold2(r, c));
        const float skin = std::max(headCov(r, c), neckCov(r, c));
        wShirt(r, c) = shirtCov(r, c);
        wHead(r, c) = skin * (1.f - shirtCov(r, c));
        wEar(r, c) = earCov(r, c) * (1.f - skin);
    });
    const cv::Mat3f nHead = normalsFrom(headH), nEar = normalsFrom(earH), nShirt = normalsFrom(shirtH);
    cv::Mat1f total = wHead + wEar + wShirt, hAll(kH, kW);
    forEachPixel([&](int r, int c) {
        const float t = total(r, c);
        hAll(r, c) =
            t > 1e-3f ? (wHead(r, c) * headH(r, c) + wEar(r, c) * earH(r, c) + wShirt(r, c) * shirtH(r, c)) / t : -30.f;
    });

    const Vec3 keyDir = cv::normalize(Vec3(-0.62f, -0.6f, 0.62f));
    const Vec3 fillDir = cv::normalize(Vec3(0.7f, -0.15f, 0.7f));
    // Warm bounce from below (the lower face and chest act as a reflector):
    // without it the underside of the nose and lips goes muddy brown.
    const Vec3 bounceDir = cv::normalize(Vec3(0.f, 0.75f, 0.66f));
    const cv::Mat1f keyVis = castShadows(hAll, total, keyDir);
    const cv::Mat1f ao = ambientOcclusion(hAll);

    // ---- Hair ----
    const cv::Mat1f brows = paintBrowsAndLashes(rng);
    cv::Mat1f browShade;
    cv::GaussianBlur(brows, browShade, cv::Size(), 2.0 * kPxPerMm);
    cv::normalize(browShade, browShade, 0, 1, cv::NORM_MINMAX);
    const cv::Mat1f stubble = paintStubble(rng);

    // ---- Albedo, gloss and emission ----
    const Vec3 skinBase = brownSkin ? fromSrgb(112, 80, 66) : fromSrgb(196, 152, 128);
    const Vec3 lipBase = brownSkin ? fromSrgb(92, 60, 58) : fromSrgb(166, 100, 94);
    const Vec3 hairCol = fromSrgb(28, 23, 21), stubbleTint(0.84f, 0.75f, 0.70f);
    const Vec3 shirtBase = fromSrgb(46, 48, 54);
    cv::Mat3f albedo(kH, kW), glow(kH, kW, Vec3(0, 0, 0));
    cv::Mat1f oil(kH, kW), skinFrac(kH, kW);
    forEachPixel([&](int r, int c) {
        const float x = mmX(float(c)), y = mmY(float(r)), ax = std::abs(x);
        const float t = std::max(total(r, c), 1e-3f);
        // Skin: blotches at several scales, pores, and a redness map.
        Vec3 skin =
            skinBase * (1.f + 0.03f * nLow(r, c) + 0.02f * nMid(r, c) + 0.015f * nSmall(r, c) + 0.012f * nPore(r, c));
        float red = 0.25f * nRed(r, c) + 0.6f * bump(ax, y, 44.f, 28.f, 14.f, 12.f) +
                    0.3f * bump(x, y, 0.f, 33.f, 8.f, 8.f) + 0.3f * bump(ax, y, 31.f, -6.f, 12.f, 4.f) +
                    0.2f * bump(x, y, 0.f, 100.f, 15.f, 10.f) - 0.25f * smoothstep(-40.f, -80.f, y) +
                    0.9f * wEar(r, c) / t;
        const float fineTex = faceTexture(x, y);
        red += 0.3f * fineTex * nSmall(r, c); // small capillary blotches
        skin *= 1.f - 0.1f * fineTex * nPit(r, c);
        skin = Vec3(skin[0] * (1.f - 0.07f * red), skin[1] * (1.f - 0.10f * red), skin[2] * (1.f + 0.05f * red));
        skin *= 1.f - 0.12f * bump(ax, y, 29.f, 9.f, 11.f, 3.f); // under-eye shadows
        if (scarred) {
            // A healed linear scar, paler and less red than the skin around it, from
            // (-24, -98) to (31, -110) mm: about 3 mm wide, its edges a little irregular.
            const float t = std::clamp((x + 24.f) / 55.f, 0.f, 1.f);
            const float lineY = -98.f - 12.f * t;
            const float halfWidth = 1.4f + 0.25f * nSmall(r, c) + 0.3f * std::sin(x * 0.31f);
            const float across = std::abs(y - lineY);
            const float along = smoothstep(-27.f, -22.f, x) * smoothstep(34.f, 29.f, x);
            const float scar = along * smoothstep(halfWidth + 0.8f, halfWidth - 0.4f, across);
            skin = mix(skin, Vec3(skin[0] * 1.16f, skin[1] * 1.13f, skin[2] * 1.06f), scar);  // BGR
        }
        // Lips: close to the skin tone; the upper lip faces down and reads darker.
        const float lips = lipCover(x, y);
        const float lowerMid = mix(mouthLineY(x), lowerLipBottomY(x), 0.35f); // lower-lip highlight row
        const float upper = mix(0.78f, 1.f + 0.08f * bump(x, y, 0.f, lowerMid, 10.f, 2.f),
                                smoothstep(mouthLineY(x) - 0.4f, mouthLineY(x) + 0.4f, y));
        skin = mix(skin, lipBase * upper * (1.f + 0.05f * std::sin(x * 4.f + 3.f * nSmall(r, c))), 0.8f * lips);
        skin *= 1.f - 0.55f * bump1(y, mouthLineY(x) + 0.1f, 0.45f) * smoothstep(25.f, 18.f, ax); // mouth slit
        skin *= 1.f - 0.55f * nostrilShade(x, y);
        for (float mx : {-22.f, 47.f})
            skin *= 1.f - 0.35f * bump(x, y, mx, mx < 0 ? 36.f : -68.f, 0.9f, 0.9f); // moles
        // Stubble: a bluish-grey cast from the hair roots plus the visible hairs.
        const float dens = std::max(scalpStubbleDensity(x, y), beardDensity(x, y)) * wHead(r, c) / t;
        skin = skin.mul(mix(Vec3(1, 1, 1), stubbleTint, dens));
        skin = mix(skin, hairCol, 0.8f * stubble(r, c) * wHead(r, c) / t);
        // Eyes and lashes.
        const EyeLocal e = eyeLocal(x, y);
        float glint = 0.f;
        if (std::abs(e.ex) < 20.f && std::abs(e.ey) < 12.f) {
            const float open = smoothstep(-0.12f, 0.15f, eyeOpening(e));
            skin = mix(skin, eyeballColour(e, x, nSmall(r, c)), open);
            const float lashLine = bump1(upperLidY(e.ex) - e.ey, 0.3f + 0.25f * smoothstep(0.f, 14.f, e.ex), 0.6f) *
                                   smoothstep(16.5f, 12.f, std::abs(e.ex)) *
                                   (0.6f + 0.4f * smoothstep(-10.f, 10.f, e.ex));
            skin = mix(skin, hairCol * 0.6f, 0.85f * lashLine);
            skin = mix(skin, brownSkin ? fromSrgb(122, 86, 76) : fromSrgb(206, 150, 138),
                       0.6f * bump1(e.ey, lowerLidY(e.ex) + 0.3f, 0.3f) * smoothstep(15.f, 10.f, std::abs(e.ex)));
            glint = catchlight(x, y) * open * smoothstep(0.f, 0.8f, e.ey - upperLidY(e.ex));
        }
        skin *= 1.f - 0.10f * browShade(r, c); // skin under the brows is darker (roots)
        skin = mix(skin, hairCol, 0.9f * brows(r, c));
        const float wh = (wHead(r, c) + wEar(r, c)) / t;
        // Shirt: dark cotton with a fine knit texture and a ribbed collar.
        const float below = y - collarY(x);
        float knit = 1.f + 0.04f * nPore(r, c) + 0.04f * nSmall(r, c);
        knit *= 1.f + 0.08f * std::sin(2.f * kPi * x / 1.3f) * bump1(below, 5.5f, 3.5f);
        albedo(r, c) = mix(shirtBase * knit, skin, wh);
        glow(r, c) = Vec3(1.f, 1.f, 1.f) * (2.4f * glint);
        // Gloss: shaved scalp, forehead and nose are oilier than cheeks and neck.
        float gloss = 0.6f + 0.5f * smoothstep(-20.f, -60.f, y) + 0.4f * bump(x, y, 0.f, -35.f, 30.f, 20.f) +
                      0.9f * bump(x, y, -1.f, 32.f, 4.f, 4.f) + 0.3f * bump(ax, y, 45.f, 14.f, 10.f, 8.f) -
                      0.35f * smoothstep(100.f, 130.f, y) + 0.9f * lips * bump1(y, lowerMid, 1.6f);
        gloss *= 1.f - 0.8f * brows(r, c) - 0.6f * dens;
        oil(r, c) = std::max(0.f, gloss) * wh * (1.f - smoothstep(-0.1f, 0.2f, eyeOpening(e)));
        skinFrac(r, c) = wh;
    });

    // ---- Shading ----
    const Vec3 keyCol(0.92f, 0.97f, 1.f), fillCol(1.05f, 0.98f, 0.92f), ambCol(1.f, 0.97f, 0.95f);
    const Vec3 half = cv::normalize(keyDir + Vec3(0, 0, 1));
    cv::Mat3f irr(kH, kW, Vec3(0, 0, 0)), spec(kH, kW, Vec3(0, 0, 0));
    forEachPixel([&](int r, int c) {
        const float t = total(r, c);
        if (t < 1e-3f) return;
        const Vec3 n = cv::normalize(nHead(r, c) * wHead(r, c) + nEar(r, c) * wEar(r, c) + nShirt(r, c) * wShirt(r, c));
        const float wrap = 0.15f * skinFrac(r, c); // light bleeds past the terminator in skin
        // The neck right under the jaw sits in the head's shadow.
        const float underJaw =
            (1.f - headCov(r, c)) * wHead(r, c) / t * std::exp(-std::max(0.f, mmY(float(r)) - 110.f) / 30.f);
        const float key = clamp01((n.dot(keyDir) + wrap) / (1.f + wrap)) * keyVis(r, c) * (0.5f + 0.5f * ao(r, c)) *
                          (1.f - 0.7f * underJaw);
        const float fill = clamp01(n.dot(fillDir)) * ao(r, c);
        const float amb = ao(r, c) * (0.75f - 0.25f * n[1]) * (1.f - 0.4f * underJaw);
        const float rim = std::pow(clamp01(1.f - n[2]), 3.f) * clamp01(n[0] + 0.2f) * ao(r, c);
        const float bounce = clamp01(n.dot(bounceDir)) * std::sqrt(ao(r, c)) * skinFrac(r, c) * (1.f - underJaw);
        irr(r, c) =
            keyCol * (1.1f * key) + fillCol * (0.24f * fill) + ambCol * (0.16f * amb) + Vec3(1, 1, 1) * (0.2f * rim) +
            fillCol * (0.22f * bounce);
        const float ndh = clamp01(n.dot(half));
        const float fres = 0.5f + 0.5f * std::pow(1.f - clamp01(n[2]), 4.f);
        const float s = oil(r, c) * fres * keyVis(r, c) * (0.07f * std::pow(ndh, 12.f) + 0.2f * std::pow(ndh, 90.f));
        spec(r, c) = keyCol * (s + 0.04f * (1.f - skinFrac(r, c)) * std::pow(ndh, 8.f));
    });
    // Subsurface scattering: red light travels furthest under the skin.
    std::vector<cv::Mat1f> ch;
    cv::split(irr, ch);
    const double sssMm[3] = {0.4, 0.7, 1.3}; // B, G, R
    for (int k = 0; k < 3; ++k) {
        const cv::Mat1f blurred = maskedBlur(ch[k], skinFrac, sssMm[k] * kPxPerMm);
        ch[k] = blurred.mul(skinFrac) + ch[k].mul(1.f - skinFrac);
    }
    cv::merge(ch, irr);

    // ---- Backdrop and composite ----
    cv::Mat3f img(kH, kW);
    const Vec3 bgLight = fromSrgb(150, 160, 172), bgDark = fromSrgb(58, 66, 78);
    forEachPixel([&](int r, int c) {
        const float fx = (c - 620.f) / kW, fy = (r - 700.f) / kH;
        const float d = std::sqrt(fx * fx * 1.3f + fy * fy);
        Vec3 bg = mix(bgLight, bgDark, smoothstep(0.f, 0.85f, d));
        const float t = total(r, c);
        const Vec3 subject = albedo(r, c).mul(irr(r, c)) + spec(r, c) + glow(r, c);
        Vec3 col = mix(bg, subject, std::min(1.f, t));
        const float vx = (c - kW / 2.f) / kW, vy = (r - kH / 2.f) / kH;
        col *= 1.f - 0.35f * sq(std::min(1.f, 1.6f * (vx * vx + vy * vy))); // lens vignette
        img(r, c) = col * 1.2f;
    });

    // ---- Camera: slight softness, tone curve, sRGB, sensor noise ----
    cv::GaussianBlur(img, img, cv::Size(), 0.55);
    cv::Mat3f noise(kH, kW); // per-channel (chroma) and shared (luma) sensor noise
    cv::Mat1f luma(kH, kW);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, 0.6);
    rng.fill(luma, cv::RNG::NORMAL, 0.0, 1.6);
    cv::Mat3b out(kH, kW);
    forEachPixel([&](int r, int c) {
        cv::Vec3b& o = out(r, c);
        for (int k = 0; k < 3; ++k) {
            float v = img(r, c)[k];
            if (v > 0.8f) v = 0.8f + 0.2f * (1.f - std::exp(-(v - 0.8f) / 0.2f)); // soft shoulder
            v = v <= 0.0031308f ? 12.92f * v : 1.055f * std::pow(v, 1.f / 2.4f) - 0.055f;
            v += 0.5f * v * (1.f - v) * (2.f * v - 1.f); // photographic S-curve
            o[k] = cv::saturate_cast<uchar>(v * 255.f + luma(r, c) + noise(r, c)[k]);
        }
    });
    if (!cv::imwrite(argv[1], out, {cv::IMWRITE_JPEG_QUALITY, 92})) {
        std::fprintf(stderr, "could not write %s\n", argv[1]);
        return 1;
    }
    const float ipdPx = 2.f * kHalfIpd * kPxPerMm;
    std::printf("pxPerMm=%.2f ipdPx=%.2f leftPupil=(%.2f,%.2f) rightPupil=(%.2f,%.2f)\n", kPxPerMm, ipdPx,
                kOriginX - ipdPx / 2.f, kOriginY, kOriginX + ipdPx / 2.f, kOriginY);
    return 0;
}
