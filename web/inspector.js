// The Token Inspector's logic: read the fields, call the WebAssembly (wasm_bindgen, the same core
// as every zego-token library), show the result. No network; nothing leaves the page.
'use strict';
(function () {
  const bytes = Uint8Array.from(atob(ZEGO_TOKEN_WASM_BASE64), (c) => c.charCodeAt(0));
  wasm_bindgen.initSync({ module: bytes });
  const z = wasm_bindgen;
  const $ = (id) => document.getElementById(id);

  function showTab(name) {
    for (const tab of ['inspect', 'generate']) {
      $(`tab-${tab}`).setAttribute('aria-selected', String(tab === name));
      $(`panel-${tab}`).hidden = tab !== name;
    }
  }
  $('tab-inspect').addEventListener('click', () => showTab('inspect'));
  $('tab-generate').addEventListener('click', () => showTab('generate'));

  // The JavaScript packages' integer rules (bindings/wasm/js/api.mjs): an integer in the range of
  // the parameter, said plainly when not, never a silent wrap to 32 or 64 bits.
  const U32_MAX = 0xffffffffn;
  const I64_MIN = -(2n ** 63n);
  const I64_MAX = 2n ** 63n - 1n;

  /** An integer field as a BigInt within [min, max]; undefined when empty. */
  function integer(text, name, min, max) {
    const t = text.trim();
    if (t === '') return undefined;
    if (!/^-?\d+$/.test(t)) throw new Error(`${name} must be an integer`);
    const value = BigInt(t);
    if (value < min || value > max) throw new Error(`${name} must be between ${min} and ${max}`);
    return value;
  }

  /** An app id field: an integer from 0 to 4294967295, as a Number; undefined when empty. */
  function appIdField(text, name) {
    const value = integer(text, name, 0n, U32_MAX);
    return value === undefined ? undefined : Number(value);
  }

  /** Unix seconds (int64) from "1795491494" or an ISO date; undefined when empty. */
  function seconds(text, name) {
    const t = text.trim();
    if (t === '') return undefined;
    if (/^-?\d+$/.test(t)) return integer(t, name, I64_MIN, I64_MAX);
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new Error(`${name}: not unix seconds nor a date`);
    return BigInt(Math.floor(ms / 1000));
  }

  /** A time as unix seconds, UTC and local; plain seconds outside the dates JavaScript can hold. */
  function when(unix) {
    const ms = Number(unix) * 1000;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return `${unix} (unix seconds, outside the calendar dates a browser can show)`;
    return `${unix} · ${d.toISOString().replace('.000Z', 'Z')} · ${d.toLocaleString()} (local)`;
  }

  function fact(list, name, value, warn) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (warn) {
      const w = document.createElement('span');
      w.className = 'warn';
      w.textContent = warn;
      dd.append(' ', w);
    }
    list.append(dt, dd);
  }

  function inspect() {
    const result = $('result');
    const verdict = $('verdict');
    const facts = $('facts');
    facts.replaceChildren();
    $('payload').textContent = '';
    result.hidden = false;
    let out;
    try {
      const secrets = $('secrets').value.split('\n').map((s) => s.trim()).filter((s) => s !== '');
      const appId = appIdField($('app-id').value, 'expected app id');
      const leeway = integer($('leeway').value || '0', 'leeway', I64_MIN, I64_MAX);
      const userId = $('user-id').value.trim();
      out = z.inspect($('token').value.trim(), secrets, appId, seconds($('now').value, 'now'), leeway,
        userId === '' ? undefined : userId, $('require-gcm').checked);
    } catch (e) {
      verdict.className = 'fail';
      verdict.textContent = e && e.message ? e.message : String(e);
      return;
    }
    verdict.className = out.ok ? 'ok' : 'fail';
    verdict.textContent = out.sentence;
    if (!out.ok) fact(facts, 'code', String(out.code));
    if (out.claims === null) return;
    const c = JSON.parse(out.claims);
    // The payload first: whatever goes wrong below, it is shown.
    let payload = c.payload === '' ? '(none: a basic token)' : c.payload;
    try {
      if (c.payload !== '') payload = JSON.stringify(JSON.parse(c.payload), null, 2);
    } catch (e) {
      // not JSON: shown as it is
    }
    $('payload').textContent = payload;
    try {
      drawFacts(facts, out, c);
    } catch (e) {
      verdict.className = 'fail';
      verdict.textContent = `${out.sentence} (the page could not show every detail: ${e && e.message ? e.message : e})`;
    }
  }

  function drawFacts(facts, out, c) {
    fact(facts, 'format', c.mode === 'gcm' ? 'AES-256-GCM (current, authenticated)' : 'AES-256-CBC (legacy)',
      c.mode === 'cbc' ? 'not authenticated: its claims may have been altered' : '');
    if (out.secretIndex !== null) fact(facts, 'secret', `#${out.secretIndex + 1} of the list matched`);
    fact(facts, 'app id', String(c.app_id));
    fact(facts, 'user id', JSON.stringify(c.user_id));
    fact(facts, 'made (ctime)', when(c.ctime));
    fact(facts, 'expires', when(c.expire));
    fact(facts, 'checked at', when(out.now));
    fact(facts, 'nonce', String(c.nonce));
    fact(facts, 'findings', c.findings.length === 0 ? 'none: every value is within the generation rules' : c.findings.join(', '),
      c.findings.length === 0 ? '' : 'values no generator should make (see the verdict)');
  }
  $('inspect').addEventListener('click', inspect);

  $('generate').addEventListener('click', () => {
    const error = $('g-error');
    error.hidden = true;
    $('g-result').hidden = true;
    try {
      let payload = '';
      if ($('g-privilege').checked) {
        const ids = $('g-stream-ids').value.split(',').map((s) => s.trim()).filter((s) => s !== '');
        payload = z.rtcRoomPayload($('g-room-id').value, $('g-can-login').checked, $('g-can-publish').checked,
          ids.length ? ids : undefined);
      }
      const appId = appIdField($('g-app-id').value, 'app id');
      if (appId === undefined) throw new Error('app id is required');
      const ttl = integer($('g-ttl').value || '0', 'effective time', I64_MIN, I64_MAX);
      const token = z.generate(appId, $('g-user-id').value, $('g-secret').value, ttl, payload);
      $('g-token').value = token;
      $('g-result').hidden = false;
    } catch (e) {
      error.textContent = e && e.message ? `${e.message}${typeof e.code === 'number' ? ` (code ${e.code})` : ''}` : String(e);
      error.hidden = false;
    }
  });
  $('g-inspect').addEventListener('click', () => {
    $('token').value = $('g-token').value;
    $('secrets').value = $('g-secret').value;
    $('app-id').value = $('g-app-id').value;
    $('user-id').value = '';
    $('now').value = ''; // this computer's clock: the token was just made
    showTab('inspect');
    inspect();
  });
})();
