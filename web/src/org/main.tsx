import { createRoot } from "react-dom/client";
import { OrgApp } from "./OrgApp.tsx";
import "../style.css";

createRoot(document.getElementById("root") as HTMLElement).render(<OrgApp />);
