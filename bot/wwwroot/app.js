// The web chat page: fetches a Direct Line token from this server (the secret stays on the server)
// and renders the official Bot Framework Web Chat in Japanese. The quick-exit button leaves at once
// for a neutral site, after clearing the chat from the screen and from browser storage.
(function () {
  'use strict';

  var NEUTRAL_SITE = 'https://www.google.co.jp/search?q=%E5%A4%A9%E6%B0%97';
  var directLine = null;
  var token = null;

  // Tells the server to stop honouring this page's token (keepalive: the request outlives the page).
  function revokeToken() {
    if (!token) { return; }
    fetch('/api/webchat/exit', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Authorization': 'Bearer ' + token }
    }).catch(function () { /* leaving anyway */ });
    token = null;
  }

  function clearEverything() {
    try { revokeToken(); } catch (e) { /* leaving anyway */ }
    try { if (directLine) { directLine.end(); } } catch (e) { /* leaving anyway */ }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be blocked */ }
    try { window.localStorage.clear(); } catch (e) { /* storage may be blocked */ }
    var chat = document.getElementById('webchat');
    if (chat) { chat.textContent = ''; }
    document.title = '';
  }

  function quickExit() {
    clearEverything();
    // replace(): the chat does not stay in the tab's history.
    window.location.replace(NEUTRAL_SITE);
  }

  document.getElementById('quick-exit').addEventListener('click', quickExit);

  async function start() {
    var response = await fetch('/api/webchat/token', { method: 'POST', credentials: 'same-origin' });
    if (!response.ok) { throw new Error('token ' + response.status); }
    var session = await response.json();
    token = session.token;
    directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: window.location.origin + '/v3/directline',
      webSocket: true
    });
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: session.userId,
      locale: 'ja-JP',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: 'Bot',
        sendTypingIndicator: true,
        suggestedActionLayout: 'flow',
        primaryFont: '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif'
      }
    }, document.getElementById('webchat'));
  }

  start().catch(function () {
    document.getElementById('load-error').hidden = false;
  });
})();
