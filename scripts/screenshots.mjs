// Screenshots of the demo portal, per persona and page, at a desktop and a phone width, and the
// browser console's errors on each: how a person sees the elements, not how a test does.
//
//   npm start                      # in another terminal (or any running demo server)
//   node scripts/screenshots.mjs [--url http://127.0.0.1:8787/] [--out /tmp/mentorkit-shots]
//                                [--persona mentee,mentor] [--page find,my-mentoring] [--open]
//
// `--open` also opens the first mentorship's workspace on each dashboard. Prints one line per
// shot (page height, console errors) and exits non-zero when any page logged an error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8787/' },
    out: { type: 'string', default: '/tmp/mentorkit-shots' },
    persona: { type: 'string', default: 'mentee,mentee2,mentor,mentor2,admin' },
    page: { type: 'string', default: 'find,my-mentoring,mentor-dashboard,data-careers,admin' },
    open: { type: 'boolean', default: false },
  },
});

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failures = 0;
for (const persona of values.persona.split(',')) {
  for (const size of widths) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    await context.addInitScript((p) => localStorage.setItem('mentorkit-demo-persona', p), persona);
    for (const panel of values.page.split(',')) {
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(new URL(`#${panel}`, values.url).href);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      if (values.open && (panel === 'mentor-dashboard' || panel === 'my-mentoring')) {
        // The first visible "Open" (completed mentorships sit in a collapsed section).
        const opener = page.locator(`#${panel} [part~="open-button"]`).locator('visible=true').first();
        if (await opener.count()) {
          await opener.click();
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(800);
        }
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      const file = join(values.out, `${persona}-${panel}${values.open ? '-open' : ''}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      failures += errors.length;
      console.log(`${file}  height ${height}px${scrollsSideways ? '  SCROLLS SIDEWAYS' : ''}  console errors ${errors.length}${errors.length ? `: ${errors.join(' | ')}` : ''}`);
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
process.exit(failures ? 1 : 0);
