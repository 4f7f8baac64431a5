// Downloads KRDS's fonts into the browser's cache a moment after a first page has loaded, then tells the
// server (a cookie naming the fonts' version) that the next pages may use them: see
// src/platform/http/web-fonts.ts. The files are only fetched, not decoded, so this page's main thread is
// not held up. Skipped when the person asked their browser to save data or the connection is 2G.
(function () {
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var conn = navigator.connection;
  if (conn && (conn.saveData || /2g$/.test(conn.effectiveType || ''))) return;
  var files = (script.getAttribute('data-files') || '').split(' ');
  var cookie = script.getAttribute('data-cookie');
  var version = script.getAttribute('data-version');
  var delay = Number(script.getAttribute('data-delay-ms')) || 0;
  function fetchFonts() {
    Promise.all(
      files.map(function (url) {
        // The same request a @font-face rule makes (CORS, same origin), so that its answer is the one cached.
        return fetch(url, { mode: 'cors', credentials: 'same-origin', priority: 'low' }).then(function (res) {
          if (!res.ok) throw new Error(url + ': ' + res.status);
          return res.arrayBuffer();
        });
      }),
    ).then(
      function () {
        document.cookie = cookie + '=' + version + '; path=/; max-age=31536000; samesite=lax' + (location.protocol === 'https:' ? '; secure' : '');
      },
      function () {},
    );
  }
  // After the load event and a pause, so that the fonts never compete with the page's first paint.
  function later() {
    setTimeout(function () {
      if (window.requestIdleCallback) requestIdleCallback(fetchFonts, { timeout: 1000 });
      else fetchFonts();
    }, delay);
  }
  if (document.readyState === 'complete') later();
  else addEventListener('load', later);
})();
