// The script of escc's contact directory pages, written into each page by escc and
// allowed to run by the hash of its text. It marks the contacts that can be reached
// now and lists them at the top, by agency and line, changing the list only when the
// answer changes; and it filters the directory. When a contact can be
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

  // The words of the page for the time of day and the date: escc decides how times are
  // written (data.clock holds every minute at which the answer can change).
  function dateWords(uk) {
    var parts = uk.day.split('-');
    return data.days[uk.weekday] + ' ' + Number(parts[2]) + ' ' + data.months[Number(parts[1]) - 1] + ' ' + parts[0];
  }
  // The stretch of the day, as minutes, in which nobody's availability changes.
  function stretch(uk) {
    var kind = holidays[uk.day] === true ? 7 : uk.weekday;
    var from = 0;
    var to = 24 * 60;
    data.hours.forEach(function (days) {
      days[kind].forEach(function (range) {
        range.forEach(function (edge) {
          if (edge <= uk.minute && edge > from) from = edge;
          if (edge > uk.minute && edge < to) to = edge;
        });
      });
    });
    return data.clock[from] + ' to ' + data.clock[to];
  }

  // The "now" list is kept, not rebuilt: an entry stays the same element while its
  // contact can be reached, so a reader's focus on one of its numbers is never lost,
  // and only the entries that changed are added or taken away.
  var list = document.getElementById('now-list');
  var entries = {};
  var groups = {};
  var agencies = {};
  var shownKey = null;
  var shownStatus = null;

  function groupFor(contact) {
    var key = contact.agency + '\n' + contact.line;
    if (groups[key]) return groups[key];
    var agency = agencies[contact.agency];
    if (!agency) {
      agency = document.createElement('div');
      agency.className = 'now-agency';
      var heading = document.createElement('h3');
      heading.textContent = contact.agency;
      agency.appendChild(heading);
      agencies[contact.agency] = agency;
    }
    var group = document.createElement('div');
    group.className = 'now-line';
    var lineHeading = document.createElement('h4');
    lineHeading.textContent = contact.line;
    group.appendChild(lineHeading);
    var items = document.createElement('ul');
    group.appendChild(items);
    groups[key] = { agency: agency, group: group, items: items };
    return groups[key];
  }

  function entryFor(element) {
    var item = document.createElement('li');
    item.className = 'now-contact';
    item.appendChild(element.querySelector('.who').cloneNode(true));
    var means = element.querySelector('.means');
    if (means) item.appendChild(means.cloneNode(true));
    return item;
  }

  function showNow() {
    // A preview (escc serve) may swap in a new page body: start again from its elements.
    if (document.getElementById('now-list') !== list) {
      list = document.getElementById('now-list');
      contacts = Array.prototype.slice.call(document.querySelectorAll('.contact'));
      entries = {};
      groups = {};
      agencies = {};
      shownKey = null;
      shownStatus = null;
    }
    var uk = ukTime(new Date());
    var available = contacts.filter(function (element) {
      var on = reachable(data.contacts[Number(element.getAttribute('data-contact'))], uk);
      if (element.classList.contains('available-now') !== on) {
        element.classList.toggle('available-now', on);
        element.querySelector('.now-badge').hidden = !on;
      }
      return on;
    });
    var holiday = holidays[uk.day] ? ' (a bank holiday)' : '';
    var count = available.length;
    var status = dateWords(uk) + holiday + ', ' + stretch(uk) + ' UK time: ' + (count === 0
      ? 'nobody listed in the protocol can be reached.'
      : count + (count === 1 ? ' contact can be reached.' : ' contacts can be reached.'));
    if (status !== shownStatus) {
      document.getElementById('now-status').textContent = status;
      shownStatus = status;
    }
    var key = available.map(function (element) { return element.getAttribute('data-contact'); }).join(',');
    if (key === shownKey) return;
    var wanted = {};
    available.forEach(function (element) { wanted[element.getAttribute('data-contact')] = true; });
    Object.keys(entries).forEach(function (index) {
      if (wanted[index]) return;
      entries[index].parentNode.removeChild(entries[index]);
      delete entries[index];
    });
    // In the directory's order: each new entry goes after the one before it in its group,
    // and each new group after the groups before it, so nothing already shown moves.
    var lastInGroup = {};
    var lastGroup = null;
    var lastAgency = null;
    available.forEach(function (element) {
      var index = element.getAttribute('data-contact');
      var contact = data.contacts[Number(index)];
      var place = groupFor(contact);
      if (!place.agency.parentNode) list.insertBefore(place.agency, lastAgency ? lastAgency.nextSibling : list.firstChild);
      if (!place.group.parentNode) {
        var after = lastGroup && lastGroup.parentNode === place.agency ? lastGroup : place.agency.firstChild;
        place.agency.insertBefore(place.group, after.nextSibling);
      }
      var key2 = contact.agency + '\n' + contact.line;
      if (!entries[index]) {
        entries[index] = entryFor(element);
        var before = lastInGroup[key2] ? lastInGroup[key2].nextSibling : place.items.firstChild;
        place.items.insertBefore(entries[index], before);
      }
      lastInGroup[key2] = entries[index];
      lastGroup = place.group;
      lastAgency = place.agency;
    });
    Object.keys(groups).forEach(function (key3) {
      var place = groups[key3];
      if (place.items.firstChild) return;
      if (place.group.parentNode) place.group.parentNode.removeChild(place.group);
      if (place.agency.parentNode && !place.agency.querySelector('.now-line')) list.removeChild(place.agency);
    });
    // Only a change is announced, once; the status line with the time is not a live region.
    if (shownKey !== null) {
      document.getElementById('now-change').textContent = 'The list of who to contact now has changed: ' +
        (count === 0 ? 'nobody listed can be reached.' : count + (count === 1 ? ' contact.' : ' contacts.'));
    }
    shownKey = key;
  }

  // The printed page says when it was printed, as GOV.UK writes dates ("30 November
  // 2026"), and where it came from when it came from a website; set again at the
  // moment of printing, since a page can stay open for days.
  function markPrinted() {
    var line = document.getElementById('printed-on');
    if (!line) return;
    var parts = ukTime(new Date()).day.split('-');
    var from = /^https?:$/.test(location.protocol) ? ' from ' + location.href.split('#')[0] : '';
    line.textContent = 'Printed on ' + Number(parts[2]) + ' ' + data.months[Number(parts[1]) - 1] + ' ' + parts[0] +
      from + '. Check the website for the current version.';
  }
  window.addEventListener('beforeprint', markPrinted);

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
  markPrinted();
  setInterval(showNow, 60000);
})();
