// The studio's dialogs use the shared modal.
export { Modal } from '../../components/Modal';
