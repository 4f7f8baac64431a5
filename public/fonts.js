// Fetches KRDS's fonts in the background once a first page has loaded, then tells the server (a cookie
// naming the fonts' version) that the next pages may use them: see src/platform/http/web-fonts.ts.
// Skipped when the person asked their browser to save data or the connection is 2G.
(function () {
  var script = document.currentScript;
  if (!script || !document.fonts) return;
  var conn = navigator.connection;
  if (conn && (conn.saveData || /2g$/.test(conn.effectiveType || ''))) return;
  var family = script.getAttribute('data-family');
  var weights = (script.getAttribute('data-weights') || '').split(' ');
  var cookie = script.getAttribute('data-cookie');
  var version = script.getAttribute('data-version');
  var delay = Number(script.getAttribute('data-delay-ms')) || 0;
  function fetchFonts() {
    Promise.all(
      weights.map(function (w) {
        return document.fonts.load(w + ' 1em "' + family + '"');
      }),
    ).then(
      function (loaded) {
        for (var i = 0; i < loaded.length; i++) if (loaded[i].length === 0) return;
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
