export { maskIdNumber, maskPersonName, maskPhone } from './mask.js';
