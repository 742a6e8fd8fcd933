// How a page writes times, days and phone numbers for its readers: as UK public-sector
// pages do (GOV.UK's style guide): "Monday to Friday, 9am to 5pm", "9:30am", "midday",
// "020 8359 2252". Decided here once; the page's script is handed the words it needs.
// Reports for authors (escc deadlines, escc diff) keep their 24-hour clock.
#pragma once

#include <string>
#include <string_view>

#include "compiler/analysis/availability.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

// A minute of the day, 0 to 1440: "midnight", "9am", "9:30am", "midday", "5:15pm".
std::string clock_words(int minute);

// When an availability can be reached: "Monday to Friday, 9am to 5pm; Saturday and
// Sunday, 24 hours; bank holidays, 10am to 4pm".
std::string hours_words(const analysis::Availability& availability);

// A diallable UK number grouped as GOV.UK groups it, digits unchanged ("0208 359 2252"
// becomes "020 8359 2252"); anything else (extensions, short codes, words) as written.
std::string phone_words(std::string_view written);

// A date the protocol states, as GOV.UK writes it: "1 March 2024", "March 2024" for a
// month alone, "2024" for a year alone.
std::string date_words(const model::Date& date);

}  // namespace esc::backends
