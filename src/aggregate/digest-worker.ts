/**
 * A worker thread of `aggregate`: reads, validates and digests the report files it is sent, one at a time,
 * and sends back each digest, its arrays moved rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { compiledSchema, describeError, digestFile, type WorkerAnswer } from './digest-files.js';
import { transferables } from './digest.js';

const accepts = await compiledSchema('digest');
const port = parentPort;
port?.on('message', ({ index, path }: { index: number; path: string }) => {
  let answer: WorkerAnswer;
  try {
    answer = { index, ok: true, file: digestFile(path, accepts) };
  } catch (error) {
    answer = { index, ok: false, error: describeError(error) };
  }
  port.postMessage(answer, answer.ok ? transferables(answer.file.digest) : []);
});
