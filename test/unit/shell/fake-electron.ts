/**
 * Small stand-ins for the Electron objects the web guards touch (there is no Electron binary in unit tests):
 * they record the handlers registered and let a test fire the events Electron would.
 */
import type { App, Session, WebContents } from 'electron';

type Listener = (...args: unknown[]) => void;

/** Records `on` listeners by event name and fires them. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** A navigation-like event: records whether a guard prevented it. */
export function fakeEvent(): { prevented: boolean; preventDefault(): void } {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends Emitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Fires `event` with a URL, as Electron does for will-navigate and will-redirect; says if it was stopped. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = fakeEvent();
    this.emit(event, e, url);
    return e.prevented;
  }
  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

export class FakeApp extends Emitter {
  asElectron(): App {
    return this as unknown as App;
  }
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void) | null =
    null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  asElectron(): Session {
    return this as unknown as Session;
  }
}

/** A nativeImage stand-in that remembers the file it was made from. */
export interface FakeImage {
  path: string;
}

/** The Tray stand-in: records its image, tooltip and menu, and lets a test click it. */
export class FakeTray extends Emitter {
  static created: FakeTray[] = [];
  image: FakeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  imagesSet = 0;
  constructor(image: FakeImage) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
    this.imagesSet++;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
}

/** A built menu: the template it was built from. */
export interface FakeMenu {
  items: { label?: string; type?: string; enabled?: boolean; click?: () => void }[];
}

/** The Notification stand-in: records what was shown and lets a test click it. */
export class FakeNotification extends Emitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

/** What `vi.mock('electron', …)` returns for the shell's tray, login item and notification code. */
export const fakeLoginItems = {
  set: [] as unknown[],
  opened: { wasOpenedAtLogin: false, wasOpenedAsHidden: false },
};

export const fakeElectronModule = {
  app: {
    setLoginItemSettings: (settings: unknown) => fakeLoginItems.set.push(settings),
    getLoginItemSettings: () => fakeLoginItems.opened,
  },
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (items: FakeMenu['items']): FakeMenu => ({ items }) },
  nativeImage: { createFromPath: (path: string): FakeImage => ({ path }) },
};
