// The script of escc's contact directory pages, written into each page by escc and
// allowed to run by the hash of its text. It marks the contacts that can be reached
// now and lists them at the top, and filters the directory. When a contact can be
// reached is escc's compiled answer, in the page's data; this script only looks it
// up. Text is only ever set with textContent or copied from the page itself, never
// parsed as HTML. "Now" is the time in the UK, where protocols' hours are kept,
// whatever time zone the reader's device is set to.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('escc-data').textContent);
  var holidays = {};
  data.bank_holidays.forEach(function (day) { holidays[day] = true; });
  var contacts = Array.prototype.slice.call(document.querySelectorAll('.contact'));

  var ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit',
    day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var weekdays = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  function ukTime(date) {
    var parts = {};
    ukClock.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return { day: parts.year + '-' + parts.month + '-' + parts.day, weekday: weekdays[parts.weekday],
      minute: Number(parts.hour) * 60 + Number(parts.minute) };
  }
  // escc works out when each contact can be reached; the page only looks it up: the
  // minute ranges of the kind of day, Monday (0) to Sunday (6) or a bank holiday (7).
  function reachable(contact, uk) {
    var kind = holidays[uk.day] === true ? 7 : uk.weekday;
    return data.hours[contact.hours][kind].some(function (range) {
      return uk.minute >= range[0] && uk.minute < range[1];
    });
  }

  function showNow() {
    var now = new Date();
    var uk = ukTime(now);
    var list = document.getElementById('now-list');
    while (list.firstChild) list.removeChild(list.firstChild);
    var count = 0;
    contacts.forEach(function (element) {
      var contact = data.contacts[Number(element.getAttribute('data-contact'))];
      var available = reachable(contact, uk);
      element.classList.toggle('available-now', available);
      element.querySelector('.now-badge').hidden = !available;
      if (!available) return;
      count += 1;
      var item = document.createElement('li');
      var heading = document.createElement('strong');
      heading.textContent = contact.group + ': ';
      item.appendChild(heading);
      item.appendChild(element.querySelector('.who').cloneNode(true));
      var means = element.querySelector('.means');
      if (means) item.appendChild(means.cloneNode(true));
      list.appendChild(item);
    });
    var when = now.toLocaleString('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric',
      month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) + ' UK time';
    var holiday = holidays[uk.day] ? ' (a bank holiday)' : '';
    document.getElementById('now-status').textContent = count === 0
      ? 'Nobody listed here can be reached at ' + when + holiday + '.'
      : 'Available at ' + when + holiday + ': ' + count + (count === 1 ? ' contact.' : ' contacts.');
  }

  var filter = document.getElementById('filter');
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    contacts.forEach(function (element) {
      var text = element.getAttribute('data-search');
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      element.hidden = !match;
      if (match) shown += 1;
    });
    document.querySelectorAll('.group').forEach(function (group) {
      group.hidden = group.querySelector('.contact:not([hidden])') === null;
    });
    document.getElementById('filter-count').textContent = words.length === 0
      ? '' : shown + ' of ' + contacts.length + ' contacts shown.';
  }
  filter.addEventListener('input', applyFilter);
  document.querySelector('.filter').hidden = false;
  showNow();
  setInterval(showNow, 60000);
})();
