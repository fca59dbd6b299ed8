"use client";

export { SegmentError as default } from "@/components/ui/segment-error";
