// A small Worker, served by workerd in the tests: GET /?user=ID returns a token for ID, made with the
// package's workerd entry (the WebAssembly imported as a module, instantiated synchronously).
import { Generator, libraryVersion } from './pkg/workerd.mjs';

const generator = new Generator(1234567890, '0123456789abcdef0123456789abcdef');

export default {
  async fetch(request) {
    const user = new URL(request.url).searchParams.get('user') ?? 'anonymous';
    try {
      const token = generator.generate(user, 3600);
      return Response.json({ token, version: libraryVersion() });
    } catch (error) {
      return Response.json({ error: error.name, code: error.code }, { status: 400 });
    }
  },
};
