import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Loyalty Console", template: "%s · Loyalty Console" },
  description: "Programs, workflows, member care and points for loyalty teams.",
  // Served from public/ (favicon.ico, icon-192.png, logo.svg).
  icons: { icon: [{ url: "/favicon.ico", sizes: "16x16 32x32 48x48" }, { url: "/icon-192.png", type: "image/png", sizes: "192x192" }], apple: "/icon-192.png" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so each gets the fresh nonce of its Content-Security-Policy
  // (proxy.ts, lib/security/csp.ts); a page prerendered at build time would carry no nonce and its
  // scripts would be refused.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
