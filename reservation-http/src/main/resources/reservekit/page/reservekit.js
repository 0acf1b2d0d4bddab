// ReserveKit's page: one resource's reservations of one day with its capacity and free time, a form to place one
// (units, a hold), buttons to confirm a hold, move or cancel, and the live stream of events on `reserve` as this
// app's follower reads them. Plain browser JavaScript, no build step;
// it speaks only the HTTP API (relative paths, so it works under any context path) and shows the API's
// problems (RFC 9457) as they are worded.
'use strict';

(() => {
  const HOUR = 3600 * 1000;
  const DAY = 24 * HOUR;
  const POLL_MS = 1000;
  const MAX_EVENT_ROWS = 200;

  const $ = (selector) => document.querySelector(selector);
  const state = {
    resource: 'table-7',
    date: isoDate(new Date()),
    after: 0, // the last event sequence seen; the live view's cursor
    pollFailed: false,
    eventCount: 0,
    fresh: new Set(), // reservation ids to highlight once
  };

  // ---- dates: the page works in the browser's time zone; the API in UTC instants ------------------------------

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function isoDate(date) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  function startOfDay(isoDay) {
    const [y, m, d] = isoDay.split('-').map(Number);
    return new Date(y, m - 1, d);
  }

  function addDays(isoDay, days) {
    const date = startOfDay(isoDay);
    date.setDate(date.getDate() + days);
    return isoDate(date);
  }

  function hhmm(date) {
    return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  function instantOn(isoDay, text) {
    const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
    if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) {
      return null;
    }
    const date = startOfDay(isoDay);
    date.setHours(Number(match[1]), Number(match[2]), 0, 0);
    return date.toISOString().replace('.000Z', 'Z');
  }

  function shortId(id) {
    return id ? `${id.slice(0, 8)}…` : '';
  }

  // ---- the API ---------------------------------------------------------------------------------------------

  // The page lives under ReserveKit's own prefix (e.g. /reservekit/), the API at the application's root: the
  // server names the way there relative to the page, so a servlet context path needs nothing more.
  const apiBase = document.querySelector('meta[name="reservekit-api"]')?.content || '';

  // CSRF: where the host protects writes with a token in a cookie readable by scripts (Spring Security's
  // CookieCsrfTokenRepository.withHttpOnlyFalse(), e.g. `csrf(csrf -> csrf.spa())`; Angular's convention), every
  // write sends it back in the header that convention names. A host without one sets no such cookie: nothing is sent.
  const CSRF_COOKIE = 'XSRF-TOKEN';
  const CSRF_HEADER = 'X-XSRF-TOKEN';

  function csrfToken() {
    const prefix = `${CSRF_COOKIE}=`;
    const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
    return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : null;
  }

  async function api(method, path, body, headers = {}, contentType = 'application/json') {
    const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
    if (method !== 'GET' && method !== 'HEAD') {
      const token = csrfToken();
      if (token) {
        init.headers[CSRF_HEADER] = token;
      }
    }
    if (body !== undefined) {
      init.headers['Content-Type'] = contentType;
      init.body = JSON.stringify(body);
    }
    const response = await fetch(apiBase + path, init);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (notJson) {
      json = null;
    }
    return {
      ok: response.ok,
      status: response.status,
      json,
      text,
      retryAfter: response.headers.get('Retry-After'),
    };
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'className') {
        node.className = value;
      } else if (name.startsWith('on')) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value);
      }
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---- outcome: what the last action did, or the API's problem, word for word --------------------------------

  function showOk(text) {
    const outcome = $('#outcome');
    outcome.className = 'outcome ok';
    outcome.replaceChildren(element('span', { className: 'title' }, text));
    outcome.hidden = false;
  }

  // what: the action that failed; box: #outcome for placing and cancelling, #load-problem for reading the day.
  function showProblem(what, response, box = $('#outcome')) {
    const outcome = box;
    outcome.className = 'outcome problem';
    const problem = response.json;
    const parts = [];
    if (problem && typeof problem === 'object' && problem.title) {
      parts.push(element('div', {},
        element('span', { className: 'title' }, problem.title),
        element('span', { className: 'status-code' }, ` · ${what}: HTTP ${response.status}`)));
      if (problem.detail) {
        parts.push(element('p', { className: 'detail' }, problem.detail));
      }
      if (Array.isArray(problem.errors) && problem.errors.length) {
        parts.push(element('ul', { className: 'errors' },
          ...problem.errors.map((e) => element('li', {}, element('code', {}, e.field), ` ${e.message}`))));
      }
      const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);
      const extensions = Object.entries(problem).filter(([name]) => !standard.has(name));
      if (response.retryAfter) {
        extensions.push(['Retry-After', `${response.retryAfter} s`]);
      }
      if (extensions.length) {
        parts.push(element('dl', {}, ...extensions.flatMap(([name, value]) =>
          [element('dt', {}, name), element('dd', {}, typeof value === 'string' ? value : JSON.stringify(value))])));
      }
    } else {
      parts.push(element('div', {}, element('span', { className: 'title' }, `${what}: HTTP ${response.status}`)));
      if (response.text) {
        parts.push(element('p', { className: 'detail' }, response.text.slice(0, 300)));
      }
    }
    outcome.replaceChildren(...parts);
    outcome.hidden = false;
  }

  function showUnreachable(what, error, box = $('#outcome')) {
    showProblem(what, { status: 0, json: null, text: `The app did not answer (${error.message}).` }, box);
  }

  // ---- the day: timeline and list ----------------------------------------------------------------------------

  let loading = 0;

  async function loadReservations() {
    const ticket = ++loading;
    const dayStart = startOfDay(state.date).getTime();
    const from = new Date(dayStart).toISOString();
    const to = new Date(dayStart + DAY).toISOString();
    const resource = encodeURIComponent(state.resource);
    let responses;
    try {
      responses = await Promise.all([
        api('GET', `reservations?resourceId=${resource}&from=${from}&to=${to}&limit=1000`),
        api('GET', `resources/${resource}`),
        api('GET', `resources/${resource}/availability?from=${from}&to=${to}`),
      ]);
    } catch (error) {
      showUnreachable('Loading reservations', error, $('#load-problem'));
      return;
    }
    if (ticket !== loading) {
      return; // a newer load is under way
    }
    const failed = responses.find((response) => !response.ok);
    if (failed) {
      showProblem('Loading reservations', failed, $('#load-problem'));
      return;
    }
    $('#load-problem').hidden = true;
    const [reservations, definition, availability] = responses.map((response) => response.json);
    renderResource(definition);
    render(reservations, availability.free);
  }

  function renderResource(resource) {
    const units = `${resource.capacity} unit${resource.capacity === 1 ? '' : 's'}`;
    $('#resource-info').textContent = resource.version === 0
      ? `Capacity ${units}: nobody defined this resource (PUT /resources/{id} gives it a capacity).`
      : `${resource.name ? `${resource.name}: c` : 'C'}apacity ${units} at any instant.`;
    $('#resource-info').dataset.capacity = resource.capacity;
  }

  function render(reservations, free) {
    renderTimeline(reservations, free);
    renderList(reservations);
    state.fresh.clear();
  }

  // The hours shown: 07:00 to 23:00, widened to whole hours around any reservation outside them.
  function hoursShown(reservations, dayStart) {
    let first = 7;
    let last = 23;
    for (const r of reservations) {
      const start = Math.max(Date.parse(r.startsAt), dayStart);
      const end = Math.min(Date.parse(r.endsAt), dayStart + DAY);
      first = Math.min(first, Math.floor((start - dayStart) / HOUR));
      last = Math.max(last, Math.ceil((end - dayStart) / HOUR));
    }
    return { from: dayStart + first * HOUR, hours: last - first, firstHour: first };
  }

  function renderTimeline(reservations, free) {
    const dayStart = startOfDay(state.date).getTime();
    const shown = hoursShown(reservations, dayStart);
    const span = shown.hours * HOUR;
    const at = (instant) => ((instant - shown.from) / span) * 100;
    const step = shown.hours > 16 ? 2 : 1;
    const labels = [];
    for (let h = 0; h < shown.hours; h += step) {
      labels.push(element('span', { style: `left: ${(h / shown.hours) * 100}%` }, `${pad(shown.firstHour + h)}:00`));
    }
    $('#timeline .hours').replaceChildren(...labels);
    const lanes = $('#timeline .lanes');
    lanes.style.backgroundSize = `${100 / shown.hours}% 100%`;
    const laneEnds = [];
    const blocks = [...reservations]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((r) => {
        const start = Math.max(Date.parse(r.startsAt), dayStart);
        const end = Math.min(Date.parse(r.endsAt), dayStart + DAY);
        let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
        if (lane < 0) {
          lane = laneEnds.length;
          laneEnds.push(end);
        } else {
          laneEnds[lane] = end;
        }
        const times = `${hhmm(new Date(Date.parse(r.startsAt)))}–${hhmm(new Date(Date.parse(r.endsAt)))}`;
        return element('div', {
          className: `block ${r.status}${state.fresh.has(r.id) ? ' fresh' : ''}`,
          style: `left: ${at(start)}%; width: ${Math.max(at(end) - at(start), 1)}%; top: ${0.3 + lane * 2.3}rem`,
          title: `${times} ${r.guestName}, party of ${r.partySize}, ${r.status}, reservation ${r.id}`,
          'data-id': r.id,
        }, element('strong', {}, r.guestName), ` · ${r.partySize}`);
      });
    for (const interval of free) {
      const start = Math.max(Date.parse(interval.startsAt), shown.from);
      const end = Math.min(Date.parse(interval.endsAt), shown.from + span);
      if (end > start) {
        blocks.unshift(element('div', {
          className: 'free',
          title: `free ${hhmm(new Date(start))}–${hhmm(new Date(end))}`,
          style: `left: ${at(start)}%; width: ${at(end) - at(start)}%`,
        }));
      }
    }
    const now = Date.now();
    if (now >= shown.from && now < shown.from + span) {
      blocks.push(element('div', { className: 'now', title: 'now', style: `left: ${at(now)}%` }));
    }
    lanes.style.height = `${Math.max(1, laneEnds.length) * 2.3 + 0.3}rem`;
    lanes.replaceChildren(...blocks);
  }

  function renderList(reservations) {
    const rows = reservations.map((r) => {
      const starts = new Date(Date.parse(r.startsAt));
      const ends = new Date(Date.parse(r.endsAt));
      const active = r.status === 'CONFIRMED' || r.status === 'HELD';
      const buttons = [];
      if (r.status === 'HELD') {
        buttons.push(element('button', { type: 'button', className: 'confirm', onclick: () => confirm(r) }, 'Confirm'));
      }
      if (active) {
        buttons.push(element('button', { type: 'button', className: 'move', onclick: () => move(r) }, 'Move'));
        buttons.push(element('button', { type: 'button', className: 'cancel', onclick: () => cancel(r) }, 'Cancel'));
      }
      const status = [element('span', { className: `status ${r.status}` }, r.status)];
      if (r.status === 'HELD' && r.holdExpiresAt) {
        status.push(element('span', { className: 'countdown', 'data-expires': r.holdExpiresAt },
          countdown(Date.parse(r.holdExpiresAt))));
      }
      return element('tr', { 'data-id': r.id, 'data-status': r.status, className: state.fresh.has(r.id) ? 'fresh' : '' },
        element('td', {}, `${hhmm(starts)}–${hhmm(ends)}`),
        element('td', { className: 'guest' }, r.guestName),
        element('td', {}, r.partySize),
        element('td', { className: 'units' }, r.units ?? 1),
        element('td', {}, ...status),
        element('td', { className: 'id', title: r.id }, shortId(r.id)),
        element('td', { className: 'actions' }, ...buttons));
    });
    $('#reservations tbody').replaceChildren(...rows);
    $('#no-reservations').hidden = rows.length > 0;
  }

  // ---- holds: a countdown to holdExpiresAt; when it runs out the hold is EXPIRED and its time free again --------

  function countdown(expiresAt) {
    const left = Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
    return `expires in ${Math.floor(left / 60)}:${pad(left % 60)}`;
  }

  function tick() {
    let expired = false;
    for (const span of document.querySelectorAll('#reservations .countdown')) {
      const expiresAt = Date.parse(span.dataset.expires);
      span.textContent = countdown(expiresAt);
      expired = expired || expiresAt <= Date.now();
    }
    if (expired) {
      loadReservations(); // the API now shows it EXPIRED, and its time free
    }
  }

  // ---- place and cancel ------------------------------------------------------------------------------------

  async function place(event) {
    event.preventDefault();
    const startsAt = instantOn(state.date, $('#from').value);
    const endsAt = instantOn(state.date, $('#until').value);
    if (!startsAt || !endsAt) {
      showProblem('Placing', { status: 0, json: null, text: 'From and Until are times of the day, like 19:00.' });
      return;
    }
    const party = $('#party').value.trim();
    const units = $('#units').value.trim();
    const body = {
      resourceId: state.resource,
      guestName: $('#guest').value,
      // A number when it is one; otherwise as typed, so that the API says what is wrong with it.
      partySize: /^-?\d+$/.test(party) ? Number(party) : party,
      startsAt,
      endsAt,
    };
    if (units && units !== '1') {
      body.units = /^-?\d+$/.test(units) ? Number(units) : units;
    }
    if ($('#hold').value) {
      body.holdFor = $('#hold').value;
    }
    const button = $('#place-button');
    button.disabled = true;
    try {
      const response = await api('POST', 'reservations', body);
      if (response.ok) {
        const r = response.json;
        state.fresh.add(r.id);
        showOk(`Placed: ${r.guestName}, party of ${r.partySize}, `
          + `${hhmm(new Date(Date.parse(r.startsAt)))}–${hhmm(new Date(Date.parse(r.endsAt)))}: `
          + `reservation ${r.id}, ${r.status}${r.status === 'HELD' ? ` until ${hhmm(new Date(Date.parse(r.holdExpiresAt)))}` : ''}.`);
      } else {
        showProblem('Placing', response);
      }
    } catch (error) {
      showUnreachable('Placing', error);
    } finally {
      button.disabled = false;
    }
    await loadReservations();
  }

  async function confirm(reservation) {
    await change('Confirming', 'POST', `reservations/${encodeURIComponent(reservation.id)}/confirm`, reservation,
      undefined, (r) => `Confirmed: ${r.guestName}'s reservation ${r.id}, now ${r.status}.`);
  }

  // A move takes the From and Until of the form, on the day shown; If-Match: only as this page read it.
  async function move(reservation) {
    const startsAt = instantOn(state.date, $('#from').value);
    const endsAt = instantOn(state.date, $('#until').value);
    if (!startsAt || !endsAt) {
      showProblem('Moving', { status: 0, json: null, text: 'From and Until are times of the day, like 19:00.' });
      return;
    }
    await change('Moving', 'PATCH', `reservations/${encodeURIComponent(reservation.id)}`, reservation,
      { startsAt, endsAt }, (r) => `Moved: ${r.guestName}'s reservation ${r.id} to `
        + `${hhmm(new Date(Date.parse(r.startsAt)))}–${hhmm(new Date(Date.parse(r.endsAt)))}.`);
  }

  async function change(what, method, path, reservation, body, describe) {
    try {
      const response = await api(method, path, body, { 'If-Match': `"${reservation.version}"` },
        method === 'PATCH' ? 'application/merge-patch+json' : undefined);
      if (response.ok) {
        state.fresh.add(reservation.id);
        showOk(describe(response.json));
      } else {
        showProblem(what, response);
      }
    } catch (error) {
      showUnreachable(what, error);
    }
    await loadReservations();
  }

  async function cancel(reservation) {
    try {
      const response = await api('DELETE', `reservations/${encodeURIComponent(reservation.id)}`);
      if (response.ok) {
        state.fresh.add(reservation.id);
        showOk(`Cancelled: ${reservation.guestName}'s reservation ${reservation.id}, now ${response.json.status}.`);
      } else {
        showProblem('Cancelling', response);
      }
    } catch (error) {
      showUnreachable('Cancelling', error);
    }
    await loadReservations();
  }

  // ---- the live view of `reserve` -----------------------------------------------------------------------------

  async function poll() {
    try {
      if (state.pollFailed) {
        // The app may have restarted, and its sequence with it: read its whole view again.
        state.after = 0;
        state.eventCount = 0;
        $('#events tbody').replaceChildren();
      }
      const response = await api('GET', `reservations/events?after=${state.after}`);
      if (!response.ok) {
        throw new Error(response.json && response.json.title ? response.json.title : `HTTP ${response.status}`);
      }
      state.pollFailed = false;
      let touchesShownResource = false;
      for (const e of response.json) {
        addEventRow(e, state.after > 0);
        state.after = Math.max(state.after, e.sequence);
        state.eventCount += 1;
        touchesShownResource = touchesShownResource || e.resourceId === state.resource;
      }
      setConnection('live', `live · ${state.eventCount} event${state.eventCount === 1 ? '' : 's'} read`);
      if (touchesShownResource && state.after > 0) {
        loadReservations();
      }
    } catch (error) {
      state.pollFailed = true;
      setConnection('down', `not connected: ${error.message}`);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  function addEventRow(e, isNew) {
    const at = new Date(Date.parse(e.occurredAt));
    const row = element('tr', {
      'data-sequence': e.sequence,
      'data-type': e.type,
      'data-resource': e.resourceId,
      'data-reservation': e.reservationId || '',
      className: `${isNew ? 'fresh' : ''}${e.resourceId === state.resource ? ' mine' : ''}`,
      title: `event ${e.eventId}; click to show ${e.resourceId}`,
      onclick: () => show(e.resourceId, state.date),
    },
    element('td', {}, e.sequence),
    element('td', {}, element('span', { className: `type ${e.type}` }, e.type)),
    element('td', { className: 'resource', title: e.resourceId }, e.resourceId),
    element('td', { className: 'id', title: e.reservationId || '' }, shortId(e.reservationId)),
    element('td', {}, `${e.partition}@${e.offset}`),
    element('td', { title: e.occurredAt },
      Number.isNaN(at.getTime()) ? e.occurredAt : `${hhmm(at)}:${pad(at.getSeconds())}`));
    const body = $('#events tbody');
    body.prepend(row);
    while (body.childElementCount > MAX_EVENT_ROWS) {
      body.lastElementChild.remove();
    }
    $('#no-events').hidden = true;
  }

  function setConnection(kind, text) {
    const pill = $('#connection');
    pill.className = `pill ${kind}`;
    pill.textContent = text;
  }

  // ---- navigation: #resource=table-7&date=2030-12-01 ------------------------------------------------------

  function show(resource, date) {
    state.resource = resource;
    state.date = date;
    $('#resource').value = resource;
    $('#date').value = date;
    for (const row of document.querySelectorAll('#events tbody tr')) {
      row.classList.toggle('mine', row.dataset.resource === resource);
    }
    history.replaceState(null, '', `#resource=${encodeURIComponent(resource)}&date=${date}`);
    loadReservations();
  }

  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const resource = params.get('resource') || state.resource;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : state.date;
    show(resource, date);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#zone').textContent = `Times in ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
    $('#view').addEventListener('submit', (e) => {
      e.preventDefault();
      show($('#resource').value.trim() || state.resource, state.date);
    });
    $('#resource').addEventListener('change', () => show($('#resource').value.trim() || state.resource, state.date));
    $('#date').addEventListener('change', () => {
      if ($('#date').value) {
        show(state.resource, $('#date').value);
      }
    });
    $('#previous-day').addEventListener('click', () => show(state.resource, addDays(state.date, -1)));
    $('#next-day').addEventListener('click', () => show(state.resource, addDays(state.date, 1)));
    $('#today').addEventListener('click', () => show(state.resource, isoDate(new Date())));
    $('#place').noValidate = true; // the API checks the fields, and says what is wrong in its own words
    $('#place').addEventListener('submit', place);
    window.addEventListener('hashchange', fromHash);
    fromHash();
    poll();
    setInterval(tick, 1000);
  });
})();
