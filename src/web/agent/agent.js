// @ts-check
// Tandem agent console: plain browser JavaScript, served as-is under a strict CSP with Trusted Types.
// Everything a customer, the bot or another agent wrote is put on the page as text (textContent and
// createElement), never as HTML.
(function () {
  'use strict';

  /**
   * @typedef {'urgent' | 'high' | 'normal'} Priority
   * @typedef {{conversationId: string, state: string, priority: Priority, reason: string, waitingSince?: string | null,
   *   position: number, summary: string, channelId: string}} QueueItem
   * @typedef {{from: string, text: string, at: string, agentName?: string, mine?: boolean}} TranscriptLine
   * @typedef {{agentId: string, text: string, at: string}} Note
   * @typedef {{form: string, completed: number, total: number, currentField?: string | null}} FormProgress
   * @typedef {{conversationId: string, channelId: string, state: string, priority: Priority, reason: string,
   *   reasonCodes: string[], summary: string, intents: {intent: string | null, confidence: number, at: string}[],
   *   sentiment: {score: number, frustration: number, at: string}[], frustrationReasons: string[],
   *   form?: FormProgress | null, slots: Record<string, unknown>, lookups: {kind: string, summary: string}[],
   *   transcript: TranscriptLine[], transcriptPage?: {nextPage?: number | null}, notes: Note[],
   *   waitingSince?: string | null, assignedAgent?: string | null, piiVisible?: boolean}} ContextPack
   * @typedef {{conversationId: string, at: string, data: Record<string, any>}} AgentEvent
   * @typedef {{conversationId: string, pack: ContextPack, nextPage: number | null | undefined, live: TranscriptLine[],
   *   shownMessageIds: Record<string, boolean>, shownNotes: Record<string, boolean>}} OpenConversation
   * @typedef {{ok: boolean, status: number, body: any, message: string, code?: string}} ApiResult
   * @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLButtonElement} FormControl
   * @typedef {string | number | Node | null | undefined | false} Child
   */

  var tokenKey = 'tandem.agent.token';
  var claimsKey = 'tandem.agent.claims';
  var heartbeatMs = 20000;
  var amberAfterMs = 2 * 60 * 1000;
  var redAfterMs = 5 * 60 * 1000;
  var priorityRank = { urgent: 0, high: 1, normal: 2 };

  var cannedResponses = [
    { label: 'Greeting', text: "Hi, I'm here to help. I've read your conversation so far, so no need to repeat yourself." },
    { label: 'Let me check', text: 'Let me check that for you. One moment, please.' },
    { label: 'Anything else?', text: 'Is there anything else I can help you with today?' },
    { label: 'Closing', text: 'Thank you for contacting us. Have a great day!' },
  ];

  // ── tiny DOM helpers: text only ───────────────────────────────────────────

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function $(id) {
    var node = document.getElementById(id);
    if (!node) throw new Error('The page has no #' + id + '.');
    return node;
  }

  /**
   * A form control (input, text area, select or button) by id.
   * @param {string} id
   * @returns {FormControl}
   */
  function control(id) {
    return /** @type {FormControl} */ ($(id));
  }

  /**
   * An element with properties (className, title, …), data-* attributes and text or element children.
   * @param {string} tag
   * @param {Record<string, any> | null} [props]
   * @param {Child | Child[]} [children]
   * @returns {HTMLElement}
   */
  function el(tag, props, children) {
    var node = /** @type {HTMLElement & Record<string, any>} */ (document.createElement(tag));
    var key;
    props = props || {};
    for (key in props) {
      if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
      if (key === 'data') {
        for (var name in props.data) node.dataset[name] = String(props.data[name]);
      } else {
        node[key] = props[key];
      }
    }
    append(node, children);
    return node;
  }

  /**
   * @param {Node} node
   * @param {Child | Child[]} children
   */
  function append(node, children) {
    if (children === undefined || children === null) return node;
    var list = Array.isArray(children) ? children : [children];
    for (var i = 0; i < list.length; i += 1) {
      var child = list[i];
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /**
   * @param {Node} node
   */
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /**
   * @param {HTMLElement} node
   * @param {boolean} visible
   */
  function show(node, visible) {
    node.hidden = !visible;
  }

  // What an emergency alert names, per detector category (anything new is shown as its code).
  /** @type {Record<string, string>} */
  var emergencyLabels = {
    suicide_self_harm: 'suicide or self-harm',
    overdose_poisoning: 'overdose or poisoning',
    cardiac: 'heart',
    stroke: 'stroke',
    breathing: 'breathing',
    bleeding: 'severe bleeding',
    anaphylaxis: 'anaphylaxis',
    violence_threat: 'violence or threat',
    pregnancy: 'pregnancy',
    pediatric: 'a child',
  };

  /**
   * @param {string} code
   */
  function emergencyLabel(code) {
    return Object.prototype.hasOwnProperty.call(emergencyLabels, code) ? emergencyLabels[code] : humanize(code);
  }

  /**
   * @param {string | null | undefined} code
   */
  function humanize(code) {
    return String(code || '').replace(/[_.]+/g, ' ');
  }

  /**
   * @param {string} iso
   */
  function clockTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  /**
   * @param {number} ms
   */
  function waitedLabel(ms) {
    var seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60) return seconds + ' s';
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min ' + String(seconds % 60).padStart(2, '0') + ' s';
    return Math.floor(minutes / 60) + ' h ' + String(minutes % 60).padStart(2, '0') + ' min';
  }

  /**
   * @param {number} ms
   */
  function waitClass(ms) {
    return ms >= redAfterMs ? 'wait--red' : ms >= amberAfterMs ? 'wait--amber' : 'wait--normal';
  }

  function randomKey() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return 'console-' + Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  // ── state ─────────────────────────────────────────────────────────────────

  /** @type {{token: string | null, agentId: string | null, events: EventSource | null, timers: number[], queue: QueueItem[], claims: Record<string, number>, unread: Record<string, number>, open: OpenConversation | null, openSeq: number, queueRefresh: number | null}} */
  var state = {
    token: null,
    agentId: null,
    events: null,
    timers: [],
    queue: [],
    claims: {}, // conversationId → fencing token, for the conversations this console holds
    unread: {}, // conversationId → customer messages not yet seen
    // The open conversation: its pack, the transcript page to load next, live lines not yet seen in a
    // pack, the ids of messages already shown, and the notes shown.
    open: null,
    openSeq: 0,
    queueRefresh: null,
  };

  function loadClaims() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(claimsKey) || '{}');
      return saved && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
    } catch (_error) {
      return {};
    }
  }

  function saveClaims() {
    try {
      window.sessionStorage.setItem(claimsKey, JSON.stringify(state.claims));
    } catch (_error) {
      // Storage may be refused; claims then last as long as the page.
    }
  }

  /**
   * @param {string} conversationId
   * @param {number | undefined} fencingToken
   */
  function setClaim(conversationId, fencingToken) {
    if (fencingToken === undefined) delete state.claims[conversationId];
    else state.claims[conversationId] = fencingToken;
    saveClaims();
    renderMyChats();
  }

  /**
   * @param {string} conversationId
   */
  function holds(conversationId) {
    return Object.prototype.hasOwnProperty.call(state.claims, conversationId);
  }

  // ── API ───────────────────────────────────────────────────────────────────

  /**
   * Calls the agent API; resolves to {ok, status, body}. A 401 signs the console out.
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<ApiResult>}
   */
  async function api(method, path, body) {
    /** @type {RequestInit & {headers: Record<string, string>}} */
    var init = { method: method, headers: { authorization: 'Bearer ' + state.token, accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var response;
    try {
      response = await fetch(path, init);
    } catch (_error) {
      return { ok: false, status: 0, body: null, message: 'The server could not be reached. Check your connection.' };
    }
    var parsed = null;
    try {
      parsed = await response.json();
    } catch (_error) {
      parsed = null;
    }
    var message = parsed && parsed.error && typeof parsed.error.message === 'string' ? parsed.error.message : 'Request failed (' + response.status + ').';
    if (response.status === 401 && state.token) {
      signOut('Your session is no longer valid. Please sign in again.');
    }
    return { ok: response.ok, status: response.status, body: parsed, message: message, code: parsed && parsed.error && parsed.error.code };
  }

  /**
   * @param {string} conversationId
   * @param {string} [suffix]
   */
  function conversationPath(conversationId, suffix) {
    return '/api/agent/conversations/' + encodeURIComponent(conversationId) + (suffix || '');
  }

  // ── sign in / out ─────────────────────────────────────────────────────────

  /**
   * @param {string} token
   * @returns {Promise<string | null>} the problem, or null when signed in
   */
  async function signIn(token) {
    state.token = token;
    var result = await api('POST', '/api/agent/heartbeat', {});
    if (!result.ok) {
      state.token = null;
      return result.status === 401 ? 'That token was not accepted.' : result.message;
    }
    try {
      window.sessionStorage.setItem(tokenKey, token);
    } catch (_error) {
      // Without storage the console works until the tab is reloaded.
    }
    state.agentId = result.body && result.body.agentId;
    startConsole();
    return null;
  }

  /**
   * @param {string} [reason]
   */
  function signOut(reason) {
    if (state.events) state.events.close();
    state.events = null;
    state.timers.forEach(function (timer) { window.clearInterval(timer); });
    state.timers = [];
    state.token = null;
    state.agentId = null;
    state.queue = [];
    state.claims = {};
    state.unread = {};
    state.open = null;
    try {
      window.sessionStorage.removeItem(tokenKey);
      window.sessionStorage.removeItem(claimsKey);
    } catch (_error) {
      // nothing to forget
    }
    clear($('emergency-alerts'));
    show($('emergency-alerts'), false);
    show($('console-view'), false);
    show($('sign-out'), false);
    show($('details'), false);
    $('whoami').textContent = '';
    setConnection('off', 'Signed out');
    show($('sign-in-view'), true);
    var error = $('sign-in-error');
    error.textContent = reason || '';
    show(error, Boolean(reason));
    control('token').value = '';
    control('token').focus();
  }

  function startConsole() {
    state.claims = loadClaims();
    show($('sign-in-view'), false);
    show($('console-view'), true);
    show($('sign-out'), true);
    $('whoami').textContent = 'Signed in as ' + (state.agentId || 'agent');
    renderMyChats();
    showConversation(false);
    connectEvents();
    void refreshQueue();
    void refreshCallbacks();
    state.timers.push(window.setInterval(function () { void heartbeat(); }, heartbeatMs));
    state.timers.push(window.setInterval(tickWaits, 1000));
  }

  /** Presence, and the leases of the chats this console holds (a lost lease means someone else may take over). */
  async function heartbeat() {
    var leases = Object.keys(state.claims).map(function (id) {
      return { conversationId: id, fencingToken: state.claims[id] };
    });
    var result = await api('POST', '/api/agent/heartbeat', leases.length ? { leases: leases } : {});
    if (!result.ok || !result.body || !Array.isArray(result.body.leases)) return;
    result.body.leases.forEach(function (/** @type {{conversationId: string, ok: boolean, error?: {message?: string}}} */ lease) {
      if (lease.ok) return;
      setClaim(lease.conversationId, undefined);
      if (state.open && state.open.conversationId === lease.conversationId) {
        alertConversation('Your claim on this conversation has ended: ' + ((lease.error && lease.error.message) || 'it was released'));
        void openConversation(lease.conversationId);
      }
    });
  }

  // ── live events ───────────────────────────────────────────────────────────

  /**
   * @param {string} kind
   * @param {string} text
   */
  function setConnection(kind, text) {
    var badge = $('connection');
    badge.className = 'connection connection--' + kind;
    badge.textContent = text;
  }

  function connectEvents() {
    if (state.events) state.events.close();
    setConnection('wait', 'Connecting…');
    var source = new EventSource('/api/agent/events?access_token=' + encodeURIComponent(state.token || ''));
    state.events = source;
    /**
     * @param {string} type
     * @param {(event: AgentEvent) => void} handler
     */
    var on = function (type, handler) {
      source.addEventListener(type, function (event) {
        var data;
        try {
          data = JSON.parse(/** @type {MessageEvent<string>} */ (event).data);
        } catch (_error) {
          return;
        }
        handler(data);
      });
    };
    on('ready', function () {
      setConnection('on', 'Live');
      // Anything that happened while disconnected is read again.
      scheduleQueueRefresh();
      if (state.open) void openConversation(state.open.conversationId, { keepAlert: true });
    });
    ['queued', 'claimed', 'released', 'cancelled', 'requeued', 'callback'].forEach(function (type) {
      on(type, function (/** @type {AgentEvent} */ event) {
        scheduleQueueRefresh();
        onLifecycle(type, event);
      });
    });
    on('alert', onEmergencyAlert);
    on('message', onMessageEvent);
    on('note', onNoteEvent);
    source.onerror = function () {
      if (state.events !== source) return;
      if (source.readyState === EventSource.CLOSED) {
        setConnection('off', 'Disconnected');
        // The stream was refused (maybe the token was revoked): ask the API, then try again.
        window.setTimeout(function () {
          if (state.events !== source || !state.token) return;
          void api('POST', '/api/agent/heartbeat', {}).then(function (result) {
            if (result.ok && state.events === source) connectEvents();
          });
        }, 3000);
      } else {
        setConnection('wait', 'Reconnecting…');
      }
    };
  }

  /**
   * @param {string} type
   * @param {AgentEvent} event
   */
  function onLifecycle(type, event) {
    var id = event.conversationId;
    var data = event.data || {};
    if (type === 'callback') void refreshCallbacks();
    var mine = holds(id);
    if (type === 'cancelled' && mine) setClaim(id, undefined);
    if (type === 'requeued' && data.previousAgent === state.agentId) setClaim(id, undefined);
    if (type === 'released' && data.agentId === state.agentId) setClaim(id, undefined);
    if (!state.open || state.open.conversationId !== id) return;
    if (type === 'claimed' && data.agentId !== state.agentId) {
      alertConversation('Someone else has claimed this conversation (' + data.agentId + ').');
    } else if (type === 'cancelled') {
      alertConversation('The customer ended the chat.');
    } else if (type === 'requeued' && data.previousAgent === state.agentId) {
      alertConversation('This conversation went back to the queue because your claim expired.');
    } else if (type === 'released' && data.agentId !== state.agentId) {
      alertConversation('Another agent released this conversation.');
    }
    void openConversation(id, { keepAlert: true });
  }

  /**
   * @param {AgentEvent} event
   */
  function onMessageEvent(event) {
    var id = event.conversationId;
    var data = event.data || {};
    var open = state.open;
    if (open && open.conversationId === id) {
      if (data.messageId && open.shownMessageIds[data.messageId]) return;
      if (data.messageId) open.shownMessageIds[data.messageId] = true;
      addLiveLine({ from: data.from, text: data.text, at: event.at, agentName: data.agentName, mine: data.agentId === state.agentId });
      return;
    }
    if (data.from === 'user' && holds(id)) {
      state.unread[id] = (state.unread[id] || 0) + 1;
      renderMyChats();
    }
  }

  /**
   * Emergency language in a chat a person owns: the queue's agents, or the one chatting, must act now.
   * @param {AgentEvent} event
   */
  function onEmergencyAlert(event) {
    var id = event.conversationId;
    var data = event.data || {};
    scheduleQueueRefresh();
    var open = state.open && state.open.conversationId === id;
    if (data.state !== 'queued' && data.assignedAgent !== state.agentId && !open) return;
    showEmergencyAlert(id, data);
    if (open) void openConversation(id, { keepAlert: true });
  }

  /**
   * @param {string} conversationId
   * @param {Record<string, any>} data
   */
  function showEmergencyAlert(conversationId, data) {
    var box = $('emergency-alerts');
    dismissEmergencyAlert(conversationId);
    var categories = (Array.isArray(data.categories) ? data.categories : []).map(emergencyLabel);
    var where = data.state === 'assigned'
      ? 'in a chat you are handling'
      : 'waiting in the queue' + (data.position ? ' (now number ' + data.position + ')' : '');
    var open = el('button', { type: 'button', className: 'emergency-alert__open' }, 'Open');
    open.addEventListener('click', function () { void openConversation(conversationId); });
    var dismiss = el('button', { type: 'button', className: 'emergency-alert__dismiss' }, 'Dismiss');
    dismiss.setAttribute('aria-label', 'Dismiss the emergency alert for conversation ' + conversationId);
    dismiss.addEventListener('click', function () { dismissEmergencyAlert(conversationId); });
    var banner = el('div', { className: 'emergency-alert', data: { conversationId: conversationId } }, [
      el('p', { className: 'emergency-alert__text' }, [
        el('strong', { className: 'emergency-alert__what' }, categories.length ? 'Emergency: ' + categories.join(', ') : 'Emergency'),
        'Conversation ' + conversationId + ', ' + where + '. It is now urgent, and the customer has been given emergency guidance.',
      ]),
      open,
      dismiss,
    ]);
    banner.setAttribute('role', 'alert');
    box.insertBefore(banner, box.firstChild);
    show(box, true);
  }

  /**
   * @param {string} conversationId
   */
  function dismissEmergencyAlert(conversationId) {
    var box = $('emergency-alerts');
    Array.prototype.slice.call(box.children).forEach(function (banner) {
      if (banner.dataset.conversationId === conversationId) box.removeChild(banner);
    });
    show(box, box.children.length > 0);
  }

  /**
   * @param {AgentEvent} event
   */
  function onNoteEvent(event) {
    var open = state.open;
    if (!open || open.conversationId !== event.conversationId) return;
    addNote({ agentId: event.data.agentId, text: event.data.text, at: event.at });
  }

  // ── queue ─────────────────────────────────────────────────────────────────

  function scheduleQueueRefresh() {
    if (state.queueRefresh) return;
    state.queueRefresh = window.setTimeout(function () {
      state.queueRefresh = null;
      void refreshQueue();
    }, 100);
  }

  /**
   * @param {QueueItem} item
   */
  function waitingSinceMs(item) {
    var since = Date.parse(item.waitingSince || '');
    return isNaN(since) ? null : since;
  }

  /**
   * @param {QueueItem[]} items
   */
  function sortQueue(items) {
    return items.slice().sort(function (a, b) {
      var byPriority = (priorityRank[a.priority] ?? 9) - (priorityRank[b.priority] ?? 9);
      if (byPriority !== 0) return byPriority;
      var aSince = waitingSinceMs(a) ?? Infinity;
      var bSince = waitingSinceMs(b) ?? Infinity;
      return aSince - bSince || a.position - b.position;
    });
  }

  async function refreshQueue() {
    if (!state.token) return;
    var result = await api('GET', '/api/agent/queue');
    if (!result.ok || !result.body || !Array.isArray(result.body.items)) return;
    state.queue = sortQueue(result.body.items);
    renderQueue();
  }

  function renderQueue() {
    var body = $('queue-body');
    clear(body);
    state.queue.forEach(function (item) {
      var wait = el('span', { className: 'wait' });
      var row = el(
        'tr',
        { className: 'queue-row priority--' + item.priority, tabIndex: 0, data: { conversationId: item.conversationId } },
        [
          el('td', { className: 'queue-row__position' }, String(item.position)),
          el('td', null, el('span', { className: 'badge badge--' + item.priority }, item.priority)),
          el('td', { className: 'queue-row__main' }, [
            el('span', { className: 'queue-row__reason' }, humanize(item.reason)),
            el('span', { className: 'queue-row__channel' }, item.channelId),
            el('span', { className: 'queue-row__summary' }, item.summary),
          ]),
          el('td', { className: 'queue-row__wait' }, wait),
        ],
      );
      row.setAttribute('aria-label', 'Open conversation in position ' + item.position);
      if (state.open && state.open.conversationId === item.conversationId) row.classList.add('is-open');
      row.addEventListener('click', function () { void openConversation(item.conversationId); });
      row.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          void openConversation(item.conversationId);
        }
      });
      body.appendChild(row);
    });
    $('queue-count').textContent = String(state.queue.length);
    show($('queue-empty'), state.queue.length === 0);
    tickWaits();
  }

  function tickWaits() {
    var now = Date.now();
    var rows = $('queue-body').children;
    for (var i = 0; i < rows.length; i += 1) {
      var item = state.queue[i];
      var row = rows[i];
      var wait = row && row.querySelector('.wait');
      if (!item || !row || !wait) continue;
      var since = waitingSinceMs(item);
      var ms = since === null ? 0 : now - since;
      wait.textContent = since === null ? '—' : waitedLabel(ms);
      wait.className = 'wait ' + waitClass(ms);
      row.classList.remove('is-wait-normal', 'is-wait-amber', 'is-wait-red');
      row.classList.add('is-' + waitClass(ms).replace('--', '-'));
    }
  }

  function renderMyChats() {
    var list = $('my-chats');
    clear(list);
    var ids = Object.keys(state.claims);
    ids.forEach(function (id) {
      var unread = state.unread[id] || 0;
      var button = el('button', { type: 'button', className: 'my-chat', data: { conversationId: id } }, [
        el('span', { className: 'my-chat__id' }, id),
        unread ? el('span', { className: 'count count--alert' }, String(unread)) : null,
      ]);
      button.addEventListener('click', function () { void openConversation(id); });
      list.appendChild(el('li', null, button));
    });
    show($('my-chats-empty'), ids.length === 0);
  }

  // ── callbacks ─────────────────────────────────────────────────────────────

  async function refreshCallbacks() {
    if (!state.token) return;
    var status = control('callback-status').value;
    var result = await api('GET', '/api/agent/callbacks' + (status ? '?status=' + encodeURIComponent(status) : ''));
    if (!result.ok || !result.body || !Array.isArray(result.body.items)) return;
    var list = $('callbacks');
    clear(list);
    /** @type {{ticketId: string, conversationId: string, priority: Priority, reason: string, status: string, summary: string, createdAt: string, contact?: {kind: string, value: string}}[]} */
    var tickets = result.body.items;
    tickets.forEach(function (ticket) {
      var contact = ticket.contact ? ticket.contact.kind + ': ' + ticket.contact.value : 'no contact given';
      var openButton = el('button', { type: 'button', className: 'link callback__open' }, 'Open conversation');
      openButton.addEventListener('click', function () { void openConversation(ticket.conversationId); });
      list.appendChild(
        el('li', { className: 'callback priority--' + ticket.priority, data: { ticketId: ticket.ticketId } }, [
          el('div', { className: 'callback__head' }, [
            el('span', { className: 'badge badge--' + ticket.priority }, ticket.priority),
            el('span', { className: 'callback__reason' }, humanize(ticket.reason)),
            el('span', { className: 'callback__status' }, ticket.status),
          ]),
          el('p', { className: 'callback__contact' }, contact),
          el('p', { className: 'callback__summary' }, ticket.summary),
          el('p', { className: 'meta' }, 'Requested ' + new Date(ticket.createdAt).toLocaleString() + ' · ' + ticket.ticketId),
          openButton,
        ]),
      );
    });
    $('callback-count').textContent = String(result.body.items.length);
    show($('callbacks-empty'), result.body.items.length === 0);
  }

  /**
   * @param {'queue' | 'callbacks'} which
   */
  function selectTab(which) {
    var queue = which === 'queue';
    $('tab-queue').setAttribute('aria-selected', String(queue));
    $('tab-callbacks').setAttribute('aria-selected', String(!queue));
    show($('panel-queue'), queue);
    show($('panel-callbacks'), !queue);
    if (!queue) void refreshCallbacks();
  }

  // ── one conversation ──────────────────────────────────────────────────────

  /**
   * @param {string} text
   */
  function alertConversation(text) {
    var box = $('conversation-alert');
    box.textContent = text || '';
    show(box, Boolean(text));
  }

  /**
   * @param {boolean} visible
   */
  function showConversation(visible) {
    show($('conversation-placeholder'), !visible);
    show($('conversation-view'), Boolean(visible));
    show($('details'), Boolean(visible));
  }

  /**
   * @param {string} conversationId
   * @param {{keepAlert?: boolean}} [options]
   */
  async function openConversation(conversationId, options) {
    var seq = (state.openSeq += 1);
    var result = await api('GET', conversationPath(conversationId));
    if (seq !== state.openSeq || !state.token) return;
    if (!result.ok) {
      showConversation(true);
      alertConversation(result.status === 404 ? 'That conversation no longer exists.' : result.message);
      return;
    }
    var pack = result.body;
    var switching = !state.open || state.open.conversationId !== conversationId;
    var previous = switching ? null : state.open;
    state.open = {
      conversationId: conversationId,
      pack: pack,
      nextPage: pack.transcriptPage && pack.transcriptPage.nextPage,
      live: previous ? previous.live : [],
      shownMessageIds: previous ? previous.shownMessageIds : {},
      shownNotes: {},
    };
    delete state.unread[conversationId];
    if (switching && !(options && options.keepAlert)) alertConversation('');
    // A claim this tab remembers but the server no longer has (released, cancelled, expired) is dropped.
    if (holds(conversationId) && !(pack.state === 'assigned' && pack.assignedAgent === state.agentId)) setClaim(conversationId, undefined);
    renderConversation(pack, switching);
    renderMyChats();
    Array.prototype.forEach.call($('queue-body').children, function (row) {
      row.classList.toggle('is-open', row.dataset.conversationId === conversationId);
    });
  }

  /**
   * @param {ContextPack} pack
   * @param {boolean} switching
   */
  function renderConversation(pack, switching) {
    showConversation(true);
    var id = pack.conversationId;
    $('conversation-title').textContent = 'Conversation ' + id;
    var assigned = pack.assignedAgent ? ' · with ' + (pack.assignedAgent === state.agentId ? 'you' : pack.assignedAgent) : '';
    var waiting = pack.waitingSince ? ' · waiting since ' + clockTime(pack.waitingSince) : '';
    $('conversation-meta').textContent =
      humanize(pack.state) + ' · ' + pack.priority + ' priority · ' + pack.channelId + assigned + waiting + (pack.piiVisible ? '' : ' · personal data hidden');

    var mine = pack.state === 'assigned' && pack.assignedAgent === state.agentId;
    var canClaim = pack.state === 'queued' || (mine && !holds(id));
    var claim = control('claim');
    show(claim, canClaim);
    claim.disabled = !canClaim;
    setChatEnabled(mine && holds(id));

    renderDetails(pack);
    var lines = $('lines');
    clear(lines);
    pack.transcript.forEach(function (line) {
      lines.appendChild(lineNode(line));
    });
    // Live lines that arrived while the pack was on its way are kept; those the pack now holds are dropped.
    var unmatched = pack.transcript.slice();
    var open = /** @type {OpenConversation} */ (state.open);
    open.live = open.live.filter(function (line) {
      var index = unmatched.findIndex(function (stored) {
        return stored.from === line.from && stored.text === line.text && Math.abs(Date.parse(stored.at) - Date.parse(line.at)) < 10000;
      });
      if (index >= 0) {
        unmatched.splice(index, 1);
        return false;
      }
      lines.appendChild(lineNode(line));
      return true;
    });
    show(control('older'), Boolean(open.nextPage));
    if (switching) {
      control('reply').value = '';
      control('release-note').value = '';
    }
    scrollTranscript();
  }

  /**
   * @param {boolean} enabled
   */
  function setChatEnabled(enabled) {
    ['reply', 'send', 'release', 'disposition', 'release-note'].forEach(function (id) {
      control(id).disabled = !enabled;
    });
    Array.prototype.forEach.call($('canned').children, function (button) {
      button.disabled = !enabled;
    });
    $('composer').classList.toggle('is-disabled', !enabled);
    $('release-form').classList.toggle('is-disabled', !enabled);
  }

  /**
   * @param {TranscriptLine} line
   */
  function fromLabel(line) {
    if (line.from === 'user') return 'Customer';
    if (line.from === 'bot') return 'Bot';
    if (line.mine) return 'You';
    return line.agentName ? line.agentName + ' (agent)' : 'Agent';
  }

  /**
   * @param {TranscriptLine} line
   */
  function lineNode(line) {
    return el('li', { className: 'line line--' + (line.from === 'agent' || line.from === 'bot' || line.from === 'user' ? line.from : 'other') }, [
      el('div', { className: 'line__head' }, [el('span', { className: 'line__from' }, fromLabel(line)), el('time', { className: 'line__time' }, clockTime(line.at))]),
      el('p', { className: 'line__text' }, line.text),
    ]);
  }

  /**
   * A message that arrived live (or was just sent); remembered until a context pack includes it.
   * @param {TranscriptLine} line
   */
  function addLiveLine(line) {
    var open = state.open;
    if (open) {
      open.live.push(line);
      if (open.live.length > 200) open.live.shift();
    }
    var node = lineNode(line);
    $('lines').appendChild(node);
    scrollTranscript();
    return node;
  }

  function scrollTranscript() {
    var box = $('transcript');
    box.scrollTop = box.scrollHeight;
  }

  async function loadOlder() {
    var open = state.open;
    if (!open || !open.nextPage) return;
    var button = control('older');
    button.disabled = true;
    var result = await api('GET', conversationPath(open.conversationId, '?page=' + open.nextPage));
    button.disabled = false;
    if (state.open !== open || !result.ok) return;
    var lines = $('lines');
    var box = $('transcript');
    var fromBottom = box.scrollHeight - box.scrollTop;
    var first = lines.firstChild;
    /** @type {ContextPack} */ (result.body).transcript.forEach(function (line) {
      lines.insertBefore(lineNode(line), first);
    });
    open.nextPage = result.body.transcriptPage.nextPage;
    show(button, Boolean(open.nextPage));
    box.scrollTop = box.scrollHeight - fromBottom;
  }

  /**
   * @param {ContextPack} pack
   */
  function renderDetails(pack) {
    $('summary').textContent = pack.summary || 'No summary.';

    var reasons = $('reasons');
    clear(reasons);
    (pack.reasonCodes.length ? pack.reasonCodes : [pack.reason]).forEach(function (code) {
      reasons.appendChild(el('li', { className: 'chip' }, humanize(code)));
    });

    var intents = $('intents');
    clear(intents);
    pack.intents.slice(-8).reverse().forEach(function (point) {
      intents.appendChild(
        el('li', null, [
          el('span', { className: 'fact__name' }, point.intent === null ? 'not understood' : point.intent),
          el('span', { className: 'fact__value' }, Math.round(point.confidence * 100) + '%'),
        ]),
      );
    });
    if (!pack.intents.length) intents.appendChild(el('li', { className: 'empty' }, 'None recorded.'));

    var trail = $('sentiment');
    clear(trail);
    pack.sentiment.slice(-10).forEach(function (point) {
      var tone = point.score <= -0.25 ? 'negative' : point.score >= 0.25 ? 'positive' : 'neutral';
      var meter = el('meter', { min: 0, max: 1, low: 0.4, high: 0.7, optimum: 0, value: point.frustration, className: 'trail__meter' });
      trail.appendChild(
        el('li', { className: 'trail__point trail__point--' + tone, title: clockTime(point.at) }, [
          el('span', { className: 'trail__score' }, (point.score > 0 ? '+' : '') + point.score.toFixed(2)),
          meter,
          el('span', { className: 'trail__label' }, 'frustration ' + Math.round(point.frustration * 100) + '%'),
        ]),
      );
    });
    if (!pack.sentiment.length) trail.appendChild(el('li', { className: 'empty' }, 'No sentiment yet.'));

    var frustration = $('frustration');
    clear(frustration);
    pack.frustrationReasons.forEach(function (reason) {
      frustration.appendChild(el('li', { className: 'chip chip--warn' }, humanize(reason)));
    });

    var form = pack.form;
    $('form-progress').textContent = form
      ? 'Form ' + humanize(form.form) + ': ' + form.completed + ' of ' + form.total + ' fields' + (form.currentField ? ' · now asking ' + humanize(form.currentField) : '')
      : '';
    var slots = $('slots');
    clear(slots);
    Object.keys(pack.slots).forEach(function (name) {
      slots.appendChild(el('dt', null, humanize(name)));
      slots.appendChild(el('dd', null, String(pack.slots[name])));
    });
    if (!form && !Object.keys(pack.slots).length) slots.appendChild(el('dd', { className: 'empty' }, 'Nothing collected.'));

    var lookups = $('lookups');
    clear(lookups);
    pack.lookups.forEach(function (lookup) {
      lookups.appendChild(el('li', null, [el('span', { className: 'fact__name' }, humanize(lookup.kind)), el('span', { className: 'fact__text' }, lookup.summary)]));
    });
    if (!pack.lookups.length) lookups.appendChild(el('li', { className: 'empty' }, 'No lookups.'));

    clear($('notes'));
    pack.notes.forEach(addNote);
  }

  /**
   * @param {Note} note
   */
  function addNote(note) {
    var open = state.open;
    var key = note.agentId + '|' + note.at + '|' + note.text;
    if (open) {
      if (open.shownNotes[key]) return;
      open.shownNotes[key] = true;
    }
    $('notes').appendChild(
      el('li', { className: 'note' }, [
        el('div', { className: 'line__head' }, [el('span', { className: 'line__from' }, note.agentId === state.agentId ? 'You' : note.agentId), el('time', { className: 'line__time' }, clockTime(note.at))]),
        el('p', { className: 'line__text' }, note.text),
      ]),
    );
  }

  // ── actions ───────────────────────────────────────────────────────────────

  async function claim() {
    var open = state.open;
    if (!open) return;
    var id = open.conversationId;
    control('claim').disabled = true;
    var result = await api('POST', conversationPath(id, '/claim'));
    if (result.ok) {
      setClaim(id, result.body.fencingToken);
      alertConversation('');
    } else if (result.status === 409) {
      alertConversation('Someone else has already claimed this conversation. Pick another one from the queue.');
    } else {
      alertConversation('Could not claim: ' + result.message);
    }
    scheduleQueueRefresh();
    if (state.open && state.open.conversationId === id) await openConversation(id, { keepAlert: true });
  }

  /**
   * @param {string} text
   * @param {string} key
   * @param {HTMLElement} [pendingNode]
   */
  async function sendText(text, key, pendingNode) {
    var open = state.open;
    if (!open) return;
    var id = open.conversationId;
    var node = pendingNode || addLiveLine({ from: 'agent', text: text, at: new Date().toISOString(), mine: true });
    open.shownMessageIds[key] = true;
    node.classList.add('line--pending');
    node.classList.remove('line--failed');
    var retry = node.querySelector('.line__retry');
    if (retry) retry.remove();
    /** @type {{text: string, idempotencyKey: string, fencingToken?: number}} */
    var body = { text: text, idempotencyKey: key };
    if (holds(id)) body.fencingToken = state.claims[id];
    var result = await api('POST', conversationPath(id, '/messages'), body);
    node.classList.remove('line--pending');
    if (result.ok) return;
    node.classList.add('line--failed');
    if (result.status === 403 || result.status === 409) {
      setClaim(id, undefined);
      alertConversation('Not delivered: ' + (result.status === 403 ? 'you no longer hold this conversation.' : result.message));
      if (state.open === open) void openConversation(id, { keepAlert: true });
      return;
    }
    var again = el('button', { type: 'button', className: 'link line__retry' }, 'Not delivered — retry');
    // The same idempotency key, so the customer never gets it twice.
    again.addEventListener('click', function () { void sendText(text, key, node); });
    node.appendChild(again);
  }

  function sendReply() {
    var box = control('reply');
    var text = box.value.trim();
    if (!text || box.disabled) return;
    box.value = '';
    void sendText(text, randomKey());
    box.focus();
  }

  async function addPrivateNote() {
    var open = state.open;
    var box = control('note-text');
    var text = box.value.trim();
    if (!open || !text) return;
    var result = await api('POST', conversationPath(open.conversationId, '/notes'), { text: text });
    if (!result.ok) {
      alertConversation('Note not saved: ' + result.message);
      return;
    }
    box.value = '';
    if (state.open === open && result.body && result.body.note) addNote(result.body.note);
  }

  async function release() {
    var open = state.open;
    if (!open) return;
    var id = open.conversationId;
    var disposition = control('disposition').value;
    var note = control('release-note').value.trim();
    /** @type {{disposition: string, note?: string, fencingToken?: number}} */
    var body = { disposition: disposition };
    if (note) body.note = note;
    if (holds(id)) body.fencingToken = state.claims[id];
    control('release').disabled = true;
    var result = await api('POST', conversationPath(id, '/release'), body);
    if (!result.ok) {
      control('release').disabled = false;
      alertConversation('Could not release: ' + result.message);
      return;
    }
    setClaim(id, undefined);
    // The chat is no longer this agent's: close the composer now, not when the refreshed view arrives.
    if (state.open === open) setChatEnabled(false);
    alertConversation(disposition === 'resolved' ? 'Released as resolved. The customer is asked to rate the chat.' : 'Handed back to the bot.');
    if (state.open === open) await openConversation(id, { keepAlert: true });
  }

  // ── wiring ────────────────────────────────────────────────────────────────

  function buildCanned() {
    var box = $('canned');
    cannedResponses.forEach(function (canned) {
      var button = el('button', { type: 'button', className: 'canned__item', title: canned.text }, canned.label);
      button.addEventListener('click', function () {
        var reply = control('reply');
        reply.value = reply.value ? reply.value.replace(/\s*$/, ' ') + canned.text : canned.text;
        reply.focus();
      });
      box.appendChild(button);
    });
  }

  function wire() {
    buildCanned();
    $('sign-in-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = control('token').value.trim();
      var error = $('sign-in-error');
      if (!token) {
        error.textContent = 'Enter your agent token.';
        show(error, true);
        return;
      }
      void signIn(token).then(function (problem) {
        error.textContent = problem || '';
        show(error, Boolean(problem));
      });
    });
    $('sign-out').addEventListener('click', function () { signOut(); });
    $('tab-queue').addEventListener('click', function () { selectTab('queue'); });
    $('tab-callbacks').addEventListener('click', function () { selectTab('callbacks'); });
    control('callback-status').addEventListener('change', function () { void refreshCallbacks(); });
    control('claim').addEventListener('click', function () { void claim(); });
    control('older').addEventListener('click', function () { void loadOlder(); });
    $('composer').addEventListener('submit', function (event) {
      event.preventDefault();
      sendReply();
    });
    $('reply').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendReply();
      }
    });
    $('note-form').addEventListener('submit', function (event) {
      event.preventDefault();
      void addPrivateNote();
    });
    $('release-form').addEventListener('submit', function (event) {
      event.preventDefault();
      void release();
    });
  }

  wire();
  var saved = null;
  try {
    saved = window.sessionStorage.getItem(tokenKey);
  } catch (_error) {
    saved = null;
  }
  if (saved) {
    void signIn(saved).then(function (problem) {
      if (problem) signOut(problem);
    });
  } else {
    signOut();
  }
})();
