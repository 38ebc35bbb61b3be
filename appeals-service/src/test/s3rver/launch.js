// Starts s3rver on 127.0.0.1 with a free port and one bucket (argv[2]), prints {"port": n} on one
// line, and stops (removing its files) when its standard input closes, i.e. when the test JVM
// stops it or dies.
const S3rver = require('s3rver');
const fs = require('fs');
const os = require('os');
const path = require('path');

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: process.argv[2], configs: [] }],
});

server.run().then((address) => {
  process.stdout.write(JSON.stringify({ port: address.port }) + '\n');
});

const stop = () => server.close().finally(() => {
  fs.rmSync(directory, { recursive: true, force: true });
  process.exit(0);
});
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
