#pragma once
// A project with a design but no photo file, for tests of what is computed from a design.

#include "core/Project.h"
#include "core/design/HairlineStyle.h"

namespace smp::test {

// The photo the project stands for: 250 x 330 mm at 4 px/mm.
inline const core::SizePx kDesignedPhoto{1000, 1320};

// The standard rounded hairline in the default face frame of that photo.
inline core::Project designedProject() {
    core::Project project;
    project.scale = {4.0, core::ScaleSource::Ruler};
    design::Design d;
    d.face = design::defaultFaceFrame({250.0, 330.0});
    d.hairline = design::makeHairline(d.style, d.face);
    project.design = d;
    return project;
}

}  // namespace smp::test
