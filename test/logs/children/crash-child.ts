// Opens the rolling log files in argv[2], installs crash logging, then fails the way argv[3] says.
import { configureLogging, createLogger } from '../../../src-main/logs/logger.js';
import { openLogFiles } from '../../../src-main/logs/files.js';
import { installCrashLogging } from '../../../src-main/logs/crash.js';

const [dir, how] = process.argv.slice(2);
const file = await openLogFiles(dir ?? '.');
configureLogging({ streams: [file], level: 'info' });
installCrashLogging();
const log = createLogger('crash-child');
for (let i = 0; i < 200; i += 1) log.info('busy line before the failure', { count: i });
if (how === 'throw') {
  setImmediate(() => {
    throw new TypeError('boom with 11010119900307451X inside');
  });
} else {
  void Promise.reject(new RangeError('rejected with 246813 inside'));
}
