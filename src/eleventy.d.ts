// Eleventy 3 ships no type declarations; this is the part of its programmatic API the build uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: unknown) => void | Promise<void>;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}

// The dev server Eleventy itself serves with; npm start uses it directly over the built site.
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    domDiff?: boolean;
    liveReload?: boolean;
  }
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    ready(): Promise<void>;
    serve(port: number): void;
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
  }
}
