// What must not compile: each MISUSE below is a mistake the runtime's types catch.
// tests/runtime_safety_test.sh compiles this once with MISUSE=0, which must compile,
// and once with each other number, which must not.
#include "escc/runtime.hpp"
#include "merton.hpp"
#include "wolverhampton.hpp"

int main() {
  auto opened = escc::Date::of(2026, 12, 18).value();
  auto ten = escc::Time::at(10, 0).value();
  escc::Escalation wolverhampton(escc_wolverhampton::protocol, opened, "A. Caseworker");
  escc::Escalation merton(escc_merton::protocol, opened, "A. Caseworker");
  auto moves = wolverhampton.moves();
  auto others = merton.moves();
  (void)others;
#if MISUSE == 0
  auto found = wolverhampton.contacts(escc_wolverhampton::Agency::agency_police, opened, ten);
  auto taken = wolverhampton.take(moves.front(), opened, "A. Caseworker");
  return found.ok() && taken.ok() ? 0 : 1;
#elif MISUSE == 1
  // Another protocol's agency.
  return wolverhampton.contacts(escc_merton::Agency::agency_police, opened, ten).ok();
#elif MISUSE == 2
  // An agency as a bare number.
  return wolverhampton.contacts(3, opened, ten).ok();
#elif MISUSE == 3
  // Another protocol's move.
  return wolverhampton.take(others.front(), opened, "A. Caseworker").ok();
#elif MISUSE == 4
  // A move made by hand.
  escc::Move<escc_wolverhampton::Protocol> made(&escc_wolverhampton::protocol, 0);
  return wolverhampton.take(made, opened, "A. Caseworker").ok();
#elif MISUSE == 5
  // A date that is not checked.
  escc::Date unchecked{2026, 2, 30};
  return unchecked.day();
#elif MISUSE == 6
  // A minute of the day as a bare number.
  return wolverhampton.contacts(opened, 25 * 60).ok();
#elif MISUSE == 7
  // A refusal ignored.
  wolverhampton.record(escc::tables::Outcome::unresolved, opened, "A. Caseworker");
  return 0;
#endif
}
