import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  const file = process.env.FLOWAUDIT_TEST_MODULES_FILE;
  if (file && url.startsWith('file:')) appendFileSync(file, `${url}\n`);
  return next(url, context);
}
