// The review pages in a real browser: Debian's Chromium, headless, driven by
// puppeteer-core. Screens a copy of the corpus (seed and variants) with
// `jixiao run`, serves it with `jixiao serve`, then as a reviewer would:
// filters the overview by a code, opens a PDF document, opens a finding's
// source view and checks the red box drawn on the page, records 确认 with a
// comment, reloads, runs `run` again on the same folder (with a new file
// added) and finds the decision kept.
//
//   node review.test.js BUILD/jixiao SOURCE_DIR [SCREENSHOT_DIR]
// Exit 0 pass, 1 fail, 77 skipped (no Chromium: set CHROMIUM or install
// Debian's chromium; scripts/setup.sh --test does).
'use strict';

const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [jixiao, sourceDir, shots] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`SKIPPED: no Chromium at ${chromium} (install Debian's chromium: scripts/setup.sh --test)`);
  process.exit(77);
}
let puppeteer;
try {
  puppeteer = require('puppeteer-core');
} catch (e) {
  console.error('puppeteer-core is not installed in tests/e2e/browser: run scripts/setup.sh --test (npm ci there)');
  process.exit(1);
}

function assert(cond, message) {
  if (!cond) throw new Error('assertion failed: ' + message);
}

function copyInputs(into) {
  const corpus = path.join(into, 'corpus');
  fs.mkdirSync(path.join(corpus, 'variants'), { recursive: true });
  fs.mkdirSync(path.join(corpus, 'seed'), { recursive: true });
  for (const f of fs.readdirSync(path.join(sourceDir, 'corpus/seed')))
    if (/\.(pdf|docx)$/.test(f)) fs.copyFileSync(path.join(sourceDir, 'corpus/seed', f), path.join(corpus, 'seed', f));
  const variants = path.join(sourceDir, 'corpus/variants');
  for (const f of fs.readdirSync(variants).sort())
    if (/\.(pdf|docx)$/.test(f) && !f.startsWith('clean.')) fs.copyFileSync(path.join(variants, f), path.join(corpus, 'variants', f));
  return corpus;
}

function run(args) {
  try {
    return execFileSync(jixiao, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 1) return e.stdout;  // findings: the expected outcome
    throw new Error(`jixiao ${args.join(' ')} exited ${e.status}: ${e.stdout}${e.stderr}`);
  }
}

// Starts `jixiao serve` on a free port; resolves with {proc, url}.
function serve(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn(jixiao, ['serve', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + out)), 30000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\S*)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-browser-'));
  let server = null;
  let browser = null;
  try {
    const corpus = copyInputs(tmp);
    const out = path.join(tmp, 'run');
    run(['run', corpus, '--out', out, '--jobs', '2']);
    server = await serve(out);
    const base = server.url;
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
    });
    const page = await browser.newPage();
    page.setDefaultTimeout(120000);  // a loaded CI machine: waits end by condition, not by the clock
    await page.setViewport({ width: 1280, height: 900 });
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });

    // Overview, then filtered by a code.
    await page.goto(base, { waitUntil: 'networkidle0' });
    await page.waitForSelector('table.docs tbody tr');
    const allRows = await page.$$eval('table.docs tbody tr', (rows) => rows.length);
    // The 类别 column and its filter: the corpus reports are 部门整体支出自评报告.
    const families = await page.$$eval('table.docs tbody tr', (rows) => {
      const keys = [...document.querySelectorAll('table.docs thead th')].map((th) => th.dataset.sort);
      return rows.map((r) => r.children[keys.indexOf('family')].textContent);
    });
    assert(families.includes('部门整体支出自评报告'), '类别 column: ' + families.join(','));
    const familyChoices = await page.$$eval('select[name=family] option', (os) => os.map((o) => o.value));
    assert(familyChoices.includes('whole_report'), '类别 filter: ' + familyChoices.join(','));
    const code = 'RATE_ZERO_BASE';
    await page.select('select[name=code]', code);
    await page.waitForFunction((c) => location.hash.includes('code=' + c), {}, code);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.waitForSelector('table.docs tbody tr');
    const files = await page.$$eval('table.docs tbody tr a.doc-link', (as) => as.map((a) => a.textContent));
    assert(files.length > 0 && files.length < allRows, `filter by ${code}: ${files.length} of ${allRows} rows`);
    // Every listed document has that code (asked of the API directly).
    const listed = await page.evaluate(async (c) => {
      const r = await fetch('/api/documents?per_page=500&code=' + c);
      const data = await r.json();
      const out = [];
      for (const d of data.documents) {
        const doc = await (await fetch('/api/documents/' + d.id)).json();
        out.push(doc.findings.some((f) => f.code === c));
      }
      return out;
    }, code);
    assert(listed.every(Boolean), 'every filtered document has the code');
    if (shots) await page.screenshot({ path: path.join(shots, 'overview.png') });

    // A PDF document among them.
    const pdfIndex = files.findIndex((f) => f.endsWith('.pdf'));
    assert(pdfIndex >= 0, 'a PDF among ' + files.join(', '));
    const links = await page.$$('table.docs tbody tr a.doc-link');
    await Promise.all([page.waitForSelector('.finding'), links[pdfIndex].click()]);
    const docHash = await page.evaluate(() => location.hash);
    const card = await page.evaluateHandle((c) => [...document.querySelectorAll('.finding')]
      .find((el) => el.querySelector('.code').textContent === c), code);
    const fid = await card.evaluate((el) => el.dataset.id);
    assert(/^[0-9a-f]{16}$/.test(fid), 'finding id ' + fid);
    assert(await card.evaluate((el) => el.querySelector('mark') !== null), 'the figure is marked in the quote');
    if (shots) await page.screenshot({ path: path.join(shots, 'document.png') });

    // Its source view: the page with the box drawn in red.
    await Promise.all([page.waitForSelector('#source-image'), card.evaluate((el) => el.querySelector('a.place').click())]);
    await page.waitForFunction(() => {
      const img = document.getElementById('source-image');
      return img && img.complete && img.naturalWidth > 0;
    });
    const red = await page.evaluate(() => {
      const img = document.getElementById('source-image');
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 0xdc && d[i + 1] === 0x26 && d[i + 2] === 0x26) ++n;
      return n;
    });
    assert(red > 100, `red box pixels on the rendered page: ${red}`);
    if (shots) {
      await page.evaluate(() => document.getElementById('source-image').scrollIntoView());
      await page.screenshot({ path: path.join(shots, 'source.png') });
    }

    // Back to the document: 确认 with a comment.
    await Promise.all([page.waitForSelector('#f-' + fid), page.click('a[href^="#/doc/"]')]);
    await page.$eval('#reviewer', (el) => { el.value = ''; });
    await page.type('#reviewer', '王审核');
    await page.type(`#f-${fid} textarea`, '已与决算表核对，基数为0');
    await page.click(`#f-${fid} button[data-decision=confirmed]`);
    await page.waitForFunction((id) => {
      const b = document.querySelector(`#f-${id} .badge`);
      return b && b.textContent === '确认';
    }, {}, fid);

    const decisionShown = async () => page.$eval(`#f-${fid}`, (el) => ({
      badge: (el.querySelector('.badge') || {}).textContent,
      comment: el.querySelector('textarea').value,
      state: el.querySelector('.state').textContent,
    }));
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`#f-${fid}`);
    let shown = await decisionShown();
    assert(shown.badge === '确认' && shown.comment === '已与决算表核对，基数为0' && shown.state.includes('王审核'),
      'kept after reload: ' + JSON.stringify(shown));

    // Keyboard: j to the first flag, 3 marks it 待核实... then back to 确认.
    await page.keyboard.press('j');
    const focused = await page.$eval('.finding.current', (el) => el.dataset.id);
    await page.keyboard.press('3');
    await page.waitForFunction((id) => {
      const b = document.querySelector(`#f-${id} .badge`);
      return b && b.textContent === '待核实';
    }, {}, focused);
    if (focused === fid) {
      await page.keyboard.press('1');
      await page.waitForFunction((id) => document.querySelector(`#f-${id} .badge`).textContent === '确认', {}, fid);
    }

    // Another run on the same folder, with one more report in it.
    fs.copyFileSync(path.join(sourceDir, 'corpus/variants/clean.docx'), path.join(corpus, 'variants', 'clean.docx'));
    const again = run(['run', corpus, '--out', out, '--jobs', '2']);
    assert(/沿用上次结果/.test(again), 'second run resumed: ' + again);
    await page.goto(base + docHash, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`#f-${fid}`);
    shown = await decisionShown();
    assert(shown.badge === '确认' && shown.comment === '已与决算表核对，基数为0', 'kept after a new run: ' + JSON.stringify(shown));
    await page.goto(base, { waitUntil: 'networkidle0' });
    await page.waitForSelector('table.docs tbody tr');
    const rowsAfter = await page.$$eval('table.docs tbody tr', (rows) => rows.length);
    assert(rowsAfter === allRows + 1, `the new report is listed: ${rowsAfter} rows, ${allRows} before`);
    assert(consoleErrors.length === 0, 'no script errors: ' + consoleErrors.join('; '));
    console.log(`browser e2e: ${allRows} documents, ${files.length} with ${code}, finding ${fid} confirmed and kept`);
  } finally {
    if (browser) await browser.close();
    if (server) {
      server.proc.removeAllListeners('exit');
      server.proc.kill('SIGTERM');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});
