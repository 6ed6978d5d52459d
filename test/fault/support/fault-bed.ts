// One server process on its own database behind a chaos proxy, set up and torn down around a fault suite.
import { afterAll, beforeAll } from 'vitest';
import { startChaosProxy, type ChaosProxy } from '../../support/chaos-proxy';
import { freePort, MACHINE_SPEED, seedDeployment, startServerProcess, type Deployment, type ServerProcess } from '../../support/server-process';
import { ChatRun, type RunPlan } from './chat-run';

export interface FaultBed {
  readonly deployment: Deployment;
  /** Replaced when a suite restarts the server. */
  server: ServerProcess;
  readonly proxy: ChaosProxy;
  /** 20 students (a quarter on long-polling) and 3 agents exchange 50 messages each way, through the proxy. */
  /** 20 students, 3 agents, 50 messages each way per chat; `plan` overrides any part of that. */
  startRun(plan?: Partial<RunPlan>): Promise<ChatRun>;
}

export function useFaultBed(): FaultBed {
  let deployment: Deployment | undefined;
  let server: ServerProcess | undefined;
  let proxy: ChaosProxy | undefined;
  let run: ChatRun | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the fault bed is not set up yet');
    return value;
  };

  beforeAll(async () => {
    deployment = await seedDeployment({ agents: 3, capacity: 10 });
    server = await startServerProcess(deployment, await freePort(), { env: MACHINE_SPEED });
    proxy = await startChaosProxy(server.port);
  });
  afterAll(async () => {
    run?.close();
    await proxy?.close();
    await server?.stop();
    await deployment?.remove();
  });

  return {
    get deployment() {
      return ready(deployment);
    },
    get server() {
      return ready(server);
    },
    set server(next) {
      server = next;
    },
    get proxy() {
      return ready(proxy);
    },
    async startRun(plan = {}) {
      run = await ChatRun.start(
        { visitors: 20, perSide: 50, thinkMs: { min: 5, max: 60 }, transportsFor: (i) => (i % 4 === 0 ? ['polling'] : ['websocket']), ...plan },
        this.deployment,
        this.server.url,
        this.proxy.url,
      );
      return run;
    },
  };
}
