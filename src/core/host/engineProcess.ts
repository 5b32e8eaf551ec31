// Entry point of the engine child process (bundled to dist/engine.js). Inference blocks the
// thread that runs it (onnxruntime's session.run is synchronous native code), so it lives here,
// away from the extension host's and the CLI's event loops. Speaks src/shared/engineProtocol.ts over IPC.
import { ENGINE_PROTOCOL_VERSION, type EngineToHostMessage, type HostToEngineMessage } from '../../shared/engineProtocol.js';
import { EngineService } from './engineService.js';

const send = process.send?.bind(process);
if (!send) {
  process.stderr.write('engine-process: start me with child_process.fork (an IPC channel is required)\n');
  process.exit(2);
}

const post = (message: EngineToHostMessage): void => {
  if (process.connected) send(message);
};
const service = new EngineService(post);
process.on('message', (message: HostToEngineMessage) => service.handle(message));
// The host went away (closed, crashed, or disposed us): nobody is left to answer.
process.on('disconnect', () => {
  void service.dispose().finally(() => process.exit(0));
});
post({ type: 'ready', protocolVersion: ENGINE_PROTOCOL_VERSION, pid: process.pid });
