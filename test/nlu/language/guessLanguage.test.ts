import { guessLanguage } from '../../../src/nlu/language/guessLanguage';

describe('guessLanguage', () => {
  it.each([
    ['where is my order?', 'en'],
    ['I want to cancel my appointment for tomorrow', 'en'],
    ['no', 'en'],
    ['no thanks', 'en'],
    ['ok', 'en'],
    ['TD-104233', 'en'],
    ['merci, where is my order?', 'en'],
    ['Hola, ¿dónde está mi pedido?', 'es'],
    ['quiero cancelar mi cita por favor', 'es'],
    ['Bonjour, je veux annuler ma commande', 'fr'],
    ["Guten Tag, ich möchte meine Bestellung stornieren", 'de'],
    ['Olá, não recebi o meu pedido', 'pt'],
    ['Ciao, voglio annullare il mio ordine', 'it'],
    ['Hola, no entiendo', 'es'],
    ['Je suis perdu', 'fr'],
    ['no hablo ingles', 'es'],
    ['QUIERO CANCELAR MI CITA POR FAVOR', 'es'],
    ['Где мой заказ?', 'ru'],
    ['我的订单在哪里', 'zh'],
    ['注文はどこですか', 'ja'],
    ['주문이 어디에 있나요', 'ko'],
    ['أين طلبي', 'ar'],
    ['איפה ההזמנה שלי', 'he'],
    ['मेरा ऑर्डर कहाँ है', 'hi'],
  ] as const)('%j → %s', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });

  it.each(['Mia Wong', 'Lo Chen', 'Maria Da Silva', 'Dee Lane', 'Ana Ruiz', 'Le Tran', 'Mia', 'Di Nguyen', 'Björn Müller', 'Iñaki Peña', 'François Lefèvre'])(
    'reads the proper name %j as English, not as a language its short words resemble',
    (name) => {
      expect(guessLanguage(name)).toBe('en');
    },
  );

  it("says 'und' when there are no letters", () => {
    for (const text of ['', '   ', '😡👍', '12345', '?!?!']) expect(guessLanguage(text)).toBe('und');
  });
});
