/**
 * Markup, script and spoofing payloads that a customer (or anyone whose text reaches a page) might
 * send. Each one that could run code sets `window.__pwned` and opens a dialog, so a test notices
 * either way. A page that treats text as text shows every one of them verbatim.
 */
export const xssCorpus: readonly string[] = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=1;alert(2)</script>',
  '"><svg onload="window.__pwned=1;alert(3)">',
  'javascript:window.__pwned=1;alert(4)',
  '<a href="javascript:window.__pwned=1;alert(5)">click me</a>',
  "{{constructor.constructor('window.__pwned=1;alert(6)')()}}",
  '${window.__pwned=1;alert(7)}',
  '<iframe src="javascript:window.__pwned=1;alert(8)"></iframe>',
  '<body onload="window.__pwned=1;alert(9)">',
  '\'\';!--"<XSS>=&{()}',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1;alert(11)">',
  'Invoice for you: report\u202Efdp.exe',
  '<details open ontoggle="window.__pwned=1;alert(13)">',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;script&#62;',
  '<style>*{display:none !important}</style>',
  '<input autofocus onfocus="window.__pwned=1;alert(16)">',
  '<object data="javascript:window.__pwned=1;alert(17)"></object>',
  '[click me](javascript:window.__pwned=1;alert(18))',
  '<div style="background:url(javascript:alert(19))">styled</div>',
  '<template><img src=x onerror="window.__pwned=1;alert(20)"></template>',
];
