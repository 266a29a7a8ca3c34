/**
 * A stand-in for @napi-rs/keyring whose reads never return, as the real one does when its D-Bus wait is stuck
 * in select(); saves answer at once (refusing, with the value in the message, a value starting "refuse-"). Loaded by the keychain worker in keychain-thread.test.ts.
 */
class Entry {
  getPassword() {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    return null;
  }
  setPassword(value) {
    if (value.startsWith('refuse-')) throw new Error(`Attribute too long: ${value}`);
  }
}
module.exports = { Entry };
