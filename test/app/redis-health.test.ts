// When the shared throttle may use Redis: every client ready and no Redis error for a cool-down.
import { EventEmitter } from "node:events";
import { createRedisHealth } from "../../app/redis/create-redis-health.js";

class FakeClient extends EventEmitter {
  constructor(public status: string) {
    super();
  }
  set(status: string, event: string) {
    this.status = status;
    this.emit(event);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(statuses: string[]) {
  let time = 0;
  const changes: [boolean, string][] = [];
  const clients = statuses.map((s) => new FakeClient(s));
  const health = createRedisHealth(clients as never, {
    onChange: (up, reason) => void changes.push([up, reason]),
    cooldownMs: 1000,
    pollMs: 5,
    now: () => time,
  });
  return { clients, health, changes, advance: (ms: number) => void (time += ms) };
}

describe("createRedisHealth", () => {
  it.each([
    [["ready", "ready"], true],
    [["ready", "connecting"], false],
    [["reconnecting", "ready"], false],
    [["end", "end"], false],
  ])("clients %j: up is %s", (statuses, up) => {
    const { health } = setup(statuses);
    expect(health.isUp()).toBe(up);
    health.stop();
  });

  it("goes down when a connection closes and up when every client is ready again", () => {
    const { clients, health, changes } = setup(["ready", "ready"]);
    clients[1]?.set("reconnecting", "close");
    clients[1]?.set("reconnecting", "reconnecting");
    clients[1]?.set("ready", "ready");
    expect(changes).toEqual([
      [true, "connected"],
      [false, "connection close"],
      [true, "connected"],
    ]);
    health.stop();
  });

  it("a Redis error keeps it down for the cool-down even while the sockets look ready", async () => {
    const { health, changes, advance } = setup(["ready"]);
    health.degrade(new Error("Command timed out"));
    expect(health.isUp()).toBe(false);
    advance(999);
    await sleep(30);
    expect(health.isUp()).toBe(false);
    advance(1);
    await sleep(30);
    expect(health.isUp()).toBe(true);
    expect(changes.map(([up, reason]) => `${up} ${reason}`)).toEqual([
      "true connected",
      "false Command timed out",
      "true connected",
    ]);
    health.stop();
  });

  it("stops listening when stopped", () => {
    const { clients, health, changes } = setup(["ready"]);
    health.stop();
    clients[0]?.set("reconnecting", "close");
    expect(changes).toEqual([[true, "connected"]]);
    expect(clients[0]?.listenerCount("close")).toBe(0);
  });
});
