// A program that records ambiguities (`ambiguous "..." { reading "..." { ... } }`) read
// one way: each ambiguity replaced, where it stands, by what one of its readings says.
// The driver resolves and checks one such program per combination of readings.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/syntax/loader.hpp"

namespace esc {

// Every ambiguity of a program, in file order.
std::vector<const ast::Statement*> ambiguities_of(const Program& program);

// How many readings an ambiguity gives.
std::size_t readings_of(const ast::Statement& ambiguity);

// The program read one way: `choice[i]` is the reading taken for ambiguities_of()[i].
// Each ambiguity gives way to the statements of its chosen reading (the reading's own
// source and note, which describe the reading, are left out); one with no reading gives
// way to nothing.
Program with_readings(const Program& program, const std::vector<std::uint32_t>& choice);

}  // namespace esc
