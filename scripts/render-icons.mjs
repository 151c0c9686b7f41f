#!/usr/bin/env node
// Renders assets/icons/icon.svg to the PNG sizes the manifests use (run after editing the SVG).
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './browsers.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const svg = await readFile(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: ['--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(dir, `icon-${size}.png`), omitBackground: true });
}
await browser.close();
