// The whole bridge: one `invoke`, nothing else; imports only 'electron' so the sandbox stays on.
import { contextBridge, ipcRenderer } from 'electron';

const bridge = {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(`ledger:${name}`, input),
};

contextBridge.exposeInMainWorld('ledger', bridge);
