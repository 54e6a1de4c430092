// @ts-check
// Tandem customer chat page: Web Chat (the real botframework-webchat bundle) over Tandem's own
// Direct Line subset: replies arrive on the WebSocket stream, with polling as the fallback. Plain browser
// JavaScript, served as-is under a strict CSP.
(function () {
  'use strict';

  /**
   * @typedef {{conversationId: string, userId: string, token: string, resumed?: boolean}} Session
   * @typedef {{type?: string, text?: unknown, from?: {role?: string}, channelData?: any}} Activity
   * @typedef {{$$typeof: symbol}} ReactElement
   * @typedef {(next: any) => any} Middleware Web Chat middleware, which the bundle does not type
   * The parts of the botframework-webchat bundle (window.WebChat) this page uses.
   * @typedef {{
   *   createDirectLine(options: {domain: string, token: string, webSocket: boolean, conversationId?: string}): DirectLine,
   *   createStore(initialState: object, ...middleware: Middleware[]): unknown,
   *   renderWebChat(props: Record<string, unknown>, element: HTMLElement): void,
   * }} WebChatBundle
   * The parts of a DirectLineJS connection this page uses.
   * @typedef {{
   *   activity$: {subscribe(observer: {next(activity: unknown): void}): {unsubscribe(): void}},
   *   end(): void,
   * }} DirectLine
   */

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function byId(id) {
    var node = document.getElementById(id);
    if (!node) throw new Error('The page has no #' + id + '.');
    return node;
  }

  var sessionKey = 'tandem.chat.session';
  var nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;

  function showError() {
    byId('chat-error').hidden = false;
  }

  /** @returns {Session | null} */
  function readSaved() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(sessionKey) || 'null');
      return saved && typeof saved.token === 'string' && typeof saved.conversationId === 'string' ? saved : null;
    } catch (_error) {
      return null;
    }
  }

  /** @param {Session} session */
  function save(session) {
    try {
      window.sessionStorage.setItem(
        sessionKey,
        JSON.stringify({ conversationId: session.conversationId, userId: session.userId, token: session.token }),
      );
    } catch (_error) {
      // Private browsing may refuse storage; the chat still works, it just won't survive a reload.
    }
  }

  /**
   * Resumes this tab's conversation after a reload when its token can still be refreshed.
   * @param {Session} saved
   * @returns {Promise<Session | null>}
   */
  async function resume(saved) {
    var response = await fetch('/v3/directline/tokens/refresh', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + saved.token },
    });
    if (!response.ok) return null;
    var body = await response.json();
    return { conversationId: body.conversationId, userId: saved.userId, token: body.token, resumed: true };
  }

  /** @returns {Promise<Session>} */
  async function newSession() {
    var response = await fetch('/chat/token', { method: 'POST' });
    if (!response.ok) throw new Error('token request failed with ' + response.status);
    var body = await response.json();
    return { conversationId: body.conversationId, userId: body.userId, token: body.token, resumed: false };
  }

  // Web Chat keeps its React private. A host element built from one React produced (same $$typeof)
  // is exactly what React.createElement would return, and React escapes string children as text.
  /**
   * @param {ReactElement} template
   * @param {string} type
   * @param {string | null} key
   * @param {Record<string, unknown>} props
   * @param {unknown} children
   */
  function element(template, type, key, props, children) {
    return { $$typeof: template.$$typeof, type: type, key: key, ref: null, props: Object.assign({ children: children }, props), _owner: null };
  }

  /**
   * @param {ReactElement} node
   * @param {string} key
   */
  function keyed(node, key) {
    return Object.assign({}, node, { key: key });
  }

  /** @param {Activity} activity */
  function tandemKind(activity) {
    var data = activity.channelData;
    return data && data.tandem && typeof data.tandem.kind === 'string' ? data.tandem.kind : '';
  }

  /** @param {Activity} activity */
  function agentName(activity) {
    var data = activity.channelData;
    var name = data && data.agent && data.agent.name;
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : '';
  }

  /** Queue updates, "now chatting with" notices and agent messages each look different from bot replies. */
  /** @returns {Middleware} */
  var activityMiddleware = function () {
    return function (next) {
      return function () {
        var setup = arguments[0];
        var render = next.apply(null, arguments);
        var activity = setup && setup.activity;
        // Only messages from our side get these treatments; a customer's message never does.
        if (!render || !activity || activity.type !== 'message' || !activity.from || activity.from.role !== 'bot') return render;
        var kind = tandemKind(activity);
        var name = agentName(activity);
        var text = typeof activity.text === 'string' ? activity.text : '';
        if (kind === 'queue_status') {
          return function () {
            var inner = render.apply(null, arguments);
            if (!inner || !inner.$$typeof) return inner;
            return element(inner, 'div', null, { className: 'tandem-queue-status', role: 'status', 'data-tandem-kind': kind }, [
              element(inner, 'span', 'label', { className: 'tandem-kind-label' }, 'Waiting for an agent'),
              element(inner, 'span', 'text', { className: 'tandem-queue-text' }, text),
            ]);
          };
        }
        if (kind === 'agent_joined') {
          return function () {
            var inner = render.apply(null, arguments);
            if (!inner || !inner.$$typeof) return inner;
            return element(inner, 'div', null, { className: 'tandem-notice', role: 'status', 'data-tandem-kind': kind }, text);
          };
        }
        if (name) {
          return function () {
            var inner = render.apply(null, arguments);
            if (!inner || !inner.$$typeof) return inner;
            return element(inner, 'div', null, { className: 'tandem-agent-message', 'data-tandem-kind': 'agent_message' }, [
              element(inner, 'div', 'sender', { className: 'tandem-sender' }, name + ' · Agent'),
              keyed(inner, 'message'),
            ]);
          };
        }
        return render;
      };
    };
  };

  /**
   * Agents type plain text; rendered as markdown their quotes would turn typographic and "--" into a
   * dash, so the customer would not read exactly what the agent wrote.
   */
  /** @returns {Middleware} */
  var agentTextIsPlain = function () {
    return function (next) {
      return function (/** @type {any} */ action) {
        var activity = action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
        if (activity && activity.type === 'message' && activity.from && activity.from.role === 'bot' && agentName(activity)) {
          action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { textFormat: 'plain' }) }) });
        }
        return next(action);
      };
    };
  };

  /**
   * A booking's FHIR record travels as a JSON attachment for systems that read it. Web Chat has no
   * renderer for it (it would draw an empty box), so the customer sees its name as plain text.
   */
  /** @returns {Middleware} */
  var attachmentMiddleware = function () {
    return function (next) {
      return function (/** @type {any} */ args) {
        var attachment = args && args.attachment;
        if (!attachment || attachment.contentType !== 'application/fhir+json') return next.apply(null, arguments);
        var name = typeof attachment.name === 'string' && attachment.name ? attachment.name.slice(0, 120) : 'record';
        return next(Object.assign({}, args, { attachment: { contentType: 'text/plain', content: 'Appointment record attached: ' + name } }));
      };
    };
  };

  /** @param {string} name */
  function initials(name) {
    var parts = name.split(/\s+/).filter(Boolean);
    return ((parts[0] || '').charAt(0) + (parts.length > 1 ? (parts[parts.length - 1] || '').charAt(0) : '')).toUpperCase();
  }

  /** An agent's messages carry the agent's initials instead of the bot's avatar. */
  /** @returns {Middleware} */
  var avatarMiddleware = function () {
    return function (next) {
      return function () {
        var args = arguments[0];
        var render = next.apply(null, arguments);
        var activity = args && args.activity;
        var name = activity && !args.fromUser ? agentName(activity) : '';
        if (!render || !name) return render;
        return function () {
          var inner = render.apply(null, arguments);
          if (!inner || !inner.$$typeof) return inner;
          return element(inner, 'div', null, { className: 'tandem-agent-avatar', 'aria-hidden': 'true' }, initials(name));
        };
      };
    };
  };

  /** How long the stream may take to deliver the history (the welcome at least) before the page polls instead. */
  var streamWaitMs = 6000;

  /**
   * Creates the conversation (the welcome turn runs now), so that both transports join the same one by id.
   * @param {Session} session
   * @returns {Promise<Session>}
   */
  async function join(session) {
    if (session.resumed) return session;
    var response = await fetch('/v3/directline/conversations', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + session.token },
    });
    if (!response.ok) throw new Error('conversation start failed with ' + response.status);
    var body = await response.json();
    return { conversationId: body.conversationId, userId: session.userId, token: body.token, resumed: true };
  }

  /**
   * @param {WebChatBundle} WebChat
   * @param {Session} session
   * @param {boolean} webSocket
   */
  function render(WebChat, session, webSocket) {
    var directLine = WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: session.token,
      webSocket: webSocket,
      conversationId: session.conversationId,
    });
    WebChat.renderWebChat(
      {
        directLine: directLine,
        store: WebChat.createStore({}, agentTextIsPlain),
        userID: session.userId,
        locale: navigator.language || 'en-US',
        nonce: nonce,
        activityMiddleware: activityMiddleware,
        avatarMiddleware: avatarMiddleware,
        attachmentMiddleware: attachmentMiddleware,
        styleOptions: {
          hideUploadButton: true,
          markdownRenderHTML: false,
          botAvatarInitials: 'T',
          userAvatarInitials: 'You',
          suggestedActionLayout: 'flow',
          accent: '#2f5d8a',
        },
      },
      byId('webchat'),
    );
    byId('webchat').setAttribute('data-transport', webSocket ? 'websocket' : 'polling');
    return directLine;
  }

  /**
   * The conversation always has its welcome by now, so a stream that brings nothing within streamWaitMs is
   * not getting through (a proxy, a blocked upgrade): the page then renders again, polling.
   * @param {WebChatBundle} WebChat
   * @param {Session} session
   * @param {DirectLine} directLine
   */
  function fallBackToPollingUnlessHeard(WebChat, session, directLine) {
    var heard = false;
    var subscription = directLine.activity$.subscribe({
      next: function () {
        heard = true;
      },
    });
    window.setTimeout(function () {
      subscription.unsubscribe();
      if (heard) return;
      directLine.end();
      render(WebChat, session, false);
    }, streamWaitMs);
  }

  async function start() {
    var saved = readSaved();
    var session = (saved && (await resume(saved).catch(function () { return null; }))) || (await newSession());
    session = await join(session);
    save(session);
    var WebChat = /** @type {WebChatBundle} */ (/** @type {any} */ (window).WebChat);
    var webSocket = typeof window.WebSocket === 'function';
    var directLine = render(WebChat, session, webSocket);
    if (webSocket) fallBackToPollingUnlessHeard(WebChat, session, directLine);
    byId('webchat').focus();
  }

  start().catch(function () {
    showError();
  });
})();
